# Writes the small synthetic datasets used by cases_extra.R (columns time,status,group[,strata]).
# Usage, from /work/main:  Rscript reference/make_extra_data.R reference/data
# Every random draw is seeded; hand-made datasets are written literally so that each value is exactly
# what the comment says. Times are written as text with the shortest decimal that round-trips to the
# same double (up to 17 significant digits), so R and Java parse identical doubles.
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args)) args[1] else "reference/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

fmt <- function(x) vapply(x, function(v) {
  if (is.character(v)) return(v)
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  sprintf("%.17g", v)
}, "")
write_set <- function(d, name) {
  d$time <- if (is.character(d$time)) d$time else fmt(d$time)
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  cat("wrote", name, nrow(d), "rows\n")
}

# (a) heavy ties: 3 groups x 15, integer times 1..6 and 8, censorings at the same times as deaths
#     (checked below: at least 4 times carry both); with this seed the last time (8) is a single death.
set.seed(20240501)
a <- do.call(rbind, lapply(c("A", "B", "C"), function(g) {
  t <- sample(c(1:6, 8), 15, replace = TRUE, prob = c(3, 3, 3, 2, 2, 1, 1))
  s <- rbinom(15, 1, c(A = 0.7, B = 0.5, C = 0.8)[g])
  data.frame(time = t, status = s, group = g)
}))
a <- a[order(a$group, a$time, -a$status), ]
tt <- table(a$time, a$status)
stopifnot(all(tt[, "0"] > 0 | tt[, "1"] > 0), sum(tt[, "0"] > 0 & tt[, "1"] > 0) >= 4)
write_set(a, "ties")

# (b) a group of exactly one subject (B dies at 7, between A's events).
b <- data.frame(time = c(1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 7),
                status = c(1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1),
                group = c(rep("A", 15), "B"))
write_set(b, "single_subject")

# (c) all-censored groups: C is censored late (its subjects are at risk at A/B death times),
#     D is censored before the first death (time 1), so it is never at risk at a death time.
cc <- data.frame(time = c(1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 13, 15,
                          2, 3, 3, 5, 6, 7, 8, 10, 11, 14, 16, 18,
                          2.5, 4, 7, 11, 20,
                          0.5, 0.5, 0.8),
                 status = c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1,
                            1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1,
                            0, 0, 0, 0, 0,
                            0, 0, 0),
                 group = c(rep("A", 12), rep("B", 12), rep("C", 5), rep("D", 3)))
write_set(cc, "all_censored")

# (d) events (and one censoring) at time 0.
dz <- data.frame(time = c(0, 0, 0, 1, 2, 2, 3, 5, 6, 8, 9, 12,
                          0, 1, 1, 2, 4, 4, 6, 7, 10, 11, 13, 15),
                 status = c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0,
                            1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0),
                 group = c(rep("A", 12), rep("B", 12)))
write_set(dz, "time_zero")

# (e) flat stretches at exact quantile levels.
#  Z: reaches S = 0 (both subjects at risk at t = 6 die).
#  H: 8 subjects; S = 7/8, 6/8 (= 0.75 on [2,3)), 5/8, 4/8 (= 0.5 on [4,7), censor at 5 inside), then 1/3, 1/6.
#  T: S = 0.75 on [2,3), then 0.5 from 3 to the end (last two subjects censored at 6 and 8).
e <- data.frame(time = c(1, 2, 2, 3, 4, 6, 6,
                         1, 2, 3, 4, 5, 7, 9, 10,
                         2, 3, 6, 8),
                status = c(1, 1, 1, 0, 1, 1, 1,
                           1, 1, 1, 1, 0, 1, 1, 0,
                           1, 1, 0, 0),
                group = c(rep("Z", 7), rep("H", 8), rep("T", 4)))
write_set(e, "flat_half")

# (f) times closer than R's timefix tolerance (aeqSurv: merged when diff <= sqrt(eps) = 1.49e-8
#     absolute, or diff / mean(|unique times|) <= sqrt(eps)). Written literally:
#     0.30000000000000004 (= 0.1 + 0.2) vs 0.3, 1 vs 1.0000000001  -> merged (absolute rule)
#     4 vs 4.00000005 (diff 5e-8 > 1.49e-8)                       -> merged only by the relative rule (mean |t| > 3.36)
#     2 vs 2.000001 (diff 1e-6)                                    -> NOT merged
f <- data.frame(time = c("0.3", "0.30000000000000004", "1", "1.0000000001", "1", "2", "2.000001", "3", "4", "4.00000005", "5", "6", "7", "9",
                         "0.30000000000000004", "0.3", "1.0000000001", "1", "2.000001", "2", "3", "4.00000005", "4", "6", "8", "10", "12"),
                status = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1,
                           1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0),
                group = c(rep("A", 14), rep("B", 13)))
write_set(f, "timefix")

# (g) 3 dose groups (0, 1, 3) in 4 strata; stratum S4 has no subject of dose 3.
set.seed(20240502)
g <- do.call(rbind, lapply(1:4, function(s) {
  doses <- if (s == 4) c(0, 1) else c(0, 1, 3)
  do.call(rbind, lapply(doses, function(dose) {
    n <- 4 + (s %% 2)
    ev <- ceiling(rexp(n, (0.08 + 0.04 * dose) * c(1, 1.5, 0.7, 1.2)[s]))
    ce <- sample(4:25, n, replace = TRUE)
    data.frame(time = pmin(ev, ce), status = as.integer(ev <= ce), group = dose, strata = paste0("S", s))
  }))
}))
write_set(g, "strata_dose")

# (i) 300 rows, 3 dose groups 1, 2, 10 (numeric order differs from text order "1" < "10" < "2"),
#     times rounded to one decimal so that ties occur.
set.seed(20240503)
n <- 300
grp <- sample(c(1, 2, 10), n, replace = TRUE)
ev <- rweibull(n, shape = 1.3, scale = c(`1` = 12, `2` = 9, `10` = 6)[as.character(grp)])
ce <- runif(n, 2, 25)
r <- data.frame(time = round(pmin(ev, ce), 1), status = as.integer(ev <= ce), group = grp)
write_set(r, "random300")
