# Aalen-Johansen cumulative incidence with delayed entry (left truncation): R survival's multi-state
# survfit(Surv(entry, time, factor(status)) ~ group) -- pstate and std.err (the infinitesimal jackknife, survfit's
# default for multi-state curves; one row per subject, id = row) at every time of the curve, per group, with the data inline.
# Usage (from the repository root):
#   Rscript reference/cif-entry/refgen_cif_entry.R survkit-stats/src/test/resources/reference/cif-entry \
#     survkit-report/src/test/resources/reference/cif-entry
suppressPackageStartupMessages({library(survival); library(jsonlite)})
stopifnot(packageVersion("survival") == "3.5.3")
out <- commandArgs(TRUE)[1]; dir.create(out, showWarnings = FALSE, recursive = TRUE)

aj <- function(d, description) {
  causes <- sort(unique(d$status[d$status != 0]))
  d$id <- seq_len(nrow(d))
  d$ev <- factor(d$status, c(0, causes), c("censor", paste0("c", causes)))
  fit <- if (length(unique(d$group)) > 1) survfit(Surv(entry, time, ev) ~ group, data = d, id = id)
         else survfit(Surv(entry, time, ev) ~ 1, data = d, id = id)
  grp <- if (is.null(fit$strata)) rep("all", length(fit$time))
         else sub("^group=", "", rep(names(fit$strata), fit$strata))
  curves <- list()
  for (g in unique(grp)) {
    k <- grp == g
    for (j in seq_along(causes)) {
      col <- match(paste0("c", causes[j]), fit$states)
      curves[[length(curves) + 1]] <- list(group = g, cause = causes[j], time = fit$time[k],
        n_risk = unname(fit$n.risk[k, 1]), cif = unname(fit$pstate[k, col]), se = unname(fit$std.err[k, col]))
    }
  }
  list(description = description, entry = d$entry, time = d$time, status = d$status, group = as.character(d$group),
       curves = curves)
}

# 1. seeded left-truncated cohort, entry U(0, 2), two causes, censoring, ties (times to 0.1), two groups
set.seed(20261206)
n <- 300
x <- rbinom(n, 1, 0.5)
entry <- round(runif(n, 0, 2), 1)
t1 <- rexp(n, 0.15 * exp(0.5 * x)); t2 <- rexp(n, 0.10); cz <- runif(n, 0, 12)
tt <- pmin(t1, t2, cz); st <- ifelse(tt == cz, 0, ifelse(tt == t1, 1, 2))
keep <- tt > entry
d <- data.frame(entry = entry, time = pmax(round(tt, 1), entry + 0.1), status = st,
                group = ifelse(x == 1, "B", "A"))[keep, ]
write(toJSON(aj(d, "seeded left-truncated cohort, entry U(0,2), causes 1 and 2, groups A and B"), digits = NA,
             auto_unbox = TRUE), file.path(out, "cif_entry_sim.json"))
d1 <- d; d1$group <- "all"
write(toJSON(aj(d1, "the seeded cohort as one group"), digits = NA, auto_unbox = TRUE),
      file.path(out, "cif_entry_sim_all.json"))

# 2. mgus2 on the age scale: (age, age + etime/12], progression (1) vs death (2), by sex
m <- mgus2
m$etime <- with(m, ifelse(pstat == 1, ptime, futime))
m$status <- with(m, ifelse(pstat == 1, 1, 2 * death))
m <- data.frame(entry = m$age, time = m$age + m$etime / 12, status = m$status, group = as.character(m$sex))
m <- m[m$time > m$entry, ]
write(toJSON(aj(m, "mgus2 age scale (age, age + etime/12]; cause 1 = progression, 2 = death; by sex"), digits = NA,
             auto_unbox = TRUE), file.path(out, "cif_entry_mgus2.json"))

# 3. a small hand case: entries after earlier events, a tie of causes, an entry equal to another row's time
h <- data.frame(entry = c(0, 0, 1, 2, 2, 3, 0, 4, 5, 1),
                time  = c(2, 3, 4, 4, 6, 7, 5, 8, 9, 3),
                status = c(1, 0, 2, 1, 0, 1, 2, 0, 1, 1), group = "all")
write(toJSON(aj(h, "ten rows by hand: late entries, ties, entry = another row's time"), digits = NA,
             auto_unbox = TRUE), file.path(out, "cif_entry_hand.json"))
h$id <- seq_len(nrow(h))
print(summary(survfit(Surv(entry, time, factor(status)) ~ 1, data = h, id = id)))

# 4. the report's study (second argument: the report's test resources): the seeded cohort with a covariate,
# cumulative incidence at 2 and 4 per arm and overall (summary(survfit, times)), and the left-truncated Fine-Gray
# model of cause 1 on arm + x (finegray() + weighted coxph, robust standard errors)
rep <- commandArgs(TRUE)[2]
if (!is.na(rep)) {
  dir.create(rep, showWarnings = FALSE, recursive = TRUE)
  set.seed(7)
  r <- data.frame(entry = d$entry, time = d$time, status = d$status, arm = d$group, x = round(rnorm(nrow(d)), 2))
  write.csv(r, file.path(rep, "cohort.csv"), row.names = FALSE, quote = FALSE)
  r$id <- seq_len(nrow(r)); r$ev <- factor(r$status, 0:2, c("censor", "c1", "c2"))
  at <- function(fit) {
    s <- summary(fit, times = c(2, 4))
    g <- if (is.null(s$strata)) rep("all", length(s$time)) else sub("^arm=", "", as.character(s$strata))
    lapply(seq_along(s$time), function(i) list(group = g[i], time = s$time[i],
      cif = unname(s$pstate[i, match(c("c1", "c2"), s$states)]), se = unname(s$std.err[i, match(c("c1", "c2"), s$states)])))
  }
  byarm <- at(survfit(Surv(entry, time, ev) ~ arm, data = r, id = id))
  all <- at(survfit(Surv(entry, time, ev) ~ 1, data = r, id = id))
  fg <- finegray(Surv(entry, time, ev) ~ arm + x + id, data = r, etype = "c1", id = id)
  fit <- coxph(Surv(fgstart, fgstop, fgstatus) ~ arm + x, data = fg, weights = fgwt)
  write(toJSON(list(description = "report study: the seeded cohort, arm A/B, covariate x; times 2 and 4",
                    at = c(byarm, all), finegray = list(terms = names(coef(fit)), coef = unname(coef(fit)),
                    robust_se = unname(sqrt(diag(fit$var))))), digits = NA, auto_unbox = TRUE),
        file.path(rep, "report_cif_entry.json"))
  print(summary(fit))
}
