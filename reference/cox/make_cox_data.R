# Writes the small datasets used by the Cox reference cases (reference/cox/refgen_cox.R).
# Usage, from /work/main (R 4.2.2, survival 3.5-3):
#   Rscript reference/cox/make_cox_data.R reference/cox/data
# The output is identical on every run: random draws are seeded, hand-made sets are written literally.
# Numbers are written as the shortest decimal text (15..17 significant digits) that parses back to the
# same double, so R and Java read identical values; R's NA is an empty cell.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args)) args[1] else "reference/cox/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

fmt <- function(x) vapply(x, function(v) {
  if (is.na(v)) return("")
  v <- v + 0  # -0 -> 0
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  sprintf("%.17g", v)
}, "")
write_set <- function(d, name) {
  for (k in names(d)) if (is.numeric(d[[k]])) d[[k]] <- fmt(d[[k]]) else d[[k]][is.na(d[[k]])] <- ""
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  cat("wrote", name, nrow(d), "rows\n")
}

# (a) Therneau & Grambsch appendix E, data set 1 (survival tests/book1.R, book2.R). Deliberately not
#     in time order, and row 2 has a missing status (dropped by coxph: n = 6).
write_set(data.frame(time = c(9, 3, 1, 1, 6, 6, 8), status = c(1, NA, 1, 0, 1, 1, 0), x = c(0, 2, 1, 1, 1, 0, 0)), "test1")

# (b) data set 2, counting process (tests/book3.R, book4.R): tied deaths at 9 (rows 6, 7), a
#     censoring at 9 (row 8), and entries (start) equal to other rows' death times.
write_set(data.frame(start = c(1, 2, 5, 2, 1, 7, 3, 4, 8, 8), stop = c(2, 3, 6, 7, 8, 9, 9, 9, 14, 17),
                     event = c(1, 1, 1, 1, 1, 1, 1, 0, 0, 0), x = c(1, 0, 0, 1, 0, 1, 1, 1, 0, 0)), "test2")

# (c) weighted data set (tests/book5.R Breslow, book6.R Efron): case weights, a death/censor tie at
#     time 1 and 2, three tied deaths at 2, last subject censored.
write_set(data.frame(time = c(1, 1, 2, 2, 2, 2, 3, 4, 5), status = c(1, 0, 1, 1, 1, 0, 0, 1, 0),
                     x = c(2, 0, 1, 1, 0, 1, 0, 1, 0), wt = c(1, 2, 3, 4, 3, 2, 1, 2, 1)), "testw1")

# (d) Stanford heart transplant, counting-process form: survival::heart (jasa1 style), 172 rows for
#     103 subjects; `transplant` written as 0/1 (a factor in R; numeric here, so the term is `transplant`).
h <- survival::heart
h$transplant <- as.integer(as.character(h$transplant))
write_set(h[, c("id", "start", "stop", "event", "age", "year", "surgery", "transplant")], "heart")

# (e) lung plus a deterministic case-weight column w = 1 + (inst mod 3); w = 1 where inst is missing.
lung <- read.csv(file.path(Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets"), "lung.csv"))
lung$w <- ifelse(is.na(lung$inst), 1, 1 + lung$inst %% 3)
write_set(lung, "lung_w")

# (f) delayed entry (left truncation): 120 subjects entering at integer days 0..150 (a third at 0),
#     exit = entry + integer follow-up. Rows 1-6 are hand-made so that entries coincide with death
#     times of other subjects: a subject entering at t is NOT at risk at a death at t (risk set is
#     entry < t <= exit). One subject enters at 100 and dies at 101, after everyone else at risk then.
set.seed(20250101)
n <- 114
entry <- ifelse(runif(n) < 1 / 3, 0, sample(1:150, n, replace = TRUE))
x <- rbinom(n, 1, 0.5)
z <- round(rnorm(n), 1)
ev <- ceiling(rexp(n, 0.004 * exp(0.6 * x + 0.3 * z)))
ce <- sample(30:400, n, replace = TRUE)
de <- data.frame(entry = c(0, 0, 20, 40, 40, 100, entry),
                 exit = c(20, 40, 60, 80, 75, 101, entry + pmin(ev, ce)),
                 status = c(1, 1, 1, 0, 1, 1, as.integer(ev <= ce)),
                 x = c(1, 0, 1, 0, 1, 1, x), z = c(0.5, -0.2, 1.1, 0, -1.3, 0.7, z))
stopifnot(all(de$exit > de$entry))
write_set(de, "delayed_entry")

# (g) a factor level that is empty after complete-case filtering, and an exactly collinear covariate.
#     grp has levels A, B, C, D; every D row has x1 missing, so after coxph drops incomplete rows grp D
#     has no rows (its dummy column is all 0). x2 = 2 * x1 exactly (x1 has one decimal; doubling is exact
#     in binary, and the text of 2 * x1 parses to the same double).
set.seed(20250102)
n <- 40
grp <- rep(c("A", "B", "C", "D"), c(14, 13, 9, 4))
x1 <- round(rnorm(n, 1, 0.8), 1)
x1[grp == "D"] <- NA
x1[c(3, 20)] <- NA
age <- sample(40:80, n, replace = TRUE)
ev <- ceiling(rexp(n, 0.02 * exp(c(A = 0, B = 0.5, C = -0.4, D = 0)[grp] + 0.3 * ifelse(is.na(x1), 0, x1))))
ce <- sample(20:120, n, replace = TRUE)
fe <- data.frame(time = pmin(ev, ce), status = as.integer(ev <= ce), grp = grp, x1 = x1, x2 = 2 * x1, age = age)
stopifnot(identical(as.numeric(fmt(fe$x2[!is.na(fe$x2)])), 2 * as.numeric(fmt(fe$x1[!is.na(fe$x1)]))))
write_set(fe, "factor_empty")

# (h) small cancer cohort with a zero-event group: 43 patients, receptor groups HR+ (15), HER2+ (14),
#     TNBC (14). HER2+ (the reference level: "HER2+" < "HR+" < "TNBC") has exactly one death, TNBC none,
#     so the TNBC coefficient diverges to -Inf (coxph warns and stops when the loglik converges).
set.seed(20250103)
receptor <- rep(c("HR+", "HER2+", "TNBC"), c(15, 14, 14))
age <- sample(35:75, 43, replace = TRUE)
time <- sample(6:60, 43, replace = TRUE)
status <- integer(43)
status[receptor == "HR+"] <- rbinom(15, 1, 0.6)
status[which(receptor == "HER2+")[5]] <- 1L
zc <- data.frame(time = time, status = status, receptor = receptor, age = age)
stopifnot(sum(zc$status[zc$receptor == "HER2+"]) == 1, sum(zc$status[zc$receptor == "TNBC"]) == 0,
          sum(zc$status[zc$receptor == "HR+"]) >= 5)
write_set(zc, "zero_event")

# (i) ties stress: 200 rows, integer times 1..~40 (many tied deaths, deaths tied with censorings),
#     x1 continuous (2 decimals), x2 binary, grp with levels high/low/mid (R orders them alphabetically,
#     so the reference level is "high", not "low"), site = stratum 1..3.
set.seed(20250104)
n <- 200
grp <- sample(c("low", "mid", "high"), n, replace = TRUE)
x1 <- round(rnorm(n), 2)
x2 <- rbinom(n, 1, 0.4)
site <- sample(1:3, n, replace = TRUE)
ev <- ceiling(rweibull(n, 1.2, 12 * exp(-(0.4 * x1 + 0.5 * x2 + c(low = 0, mid = 0.3, high = 0.7)[grp]) / 1.2)))
ce <- sample(3:30, n, replace = TRUE)
tt <- data.frame(time = pmin(ev, ce), status = as.integer(ev <= ce), x1 = x1, x2 = x2, grp = grp, site = site)
stopifnot(max(table(tt$time[tt$status == 1])) >= 5)
write_set(tt, "ties200")
