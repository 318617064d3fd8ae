# Exact vs Efron ties on a heavily tied cohort. Writes the cohort (seeded) for survkit's CoxTiesBench and times
# R's coxph(ties = "exact") and coxph(ties = "efron"): median of REPS calls, milliseconds.
#   Rscript bench/r_cox_ties.R bench-data/ties_exact.csv [ROWS] [REPS] [UNIT]   (times are ceiling(t / UNIT))
suppressPackageStartupMessages(library(survival))
a <- commandArgs(trailingOnly = TRUE)
out <- a[1]; n <- if (length(a) > 1) as.integer(a[2]) else 5000L; reps <- if (length(a) > 2) as.integer(a[3]) else 3L
unit <- if (length(a) > 3) as.numeric(a[4]) else 1
set.seed(20261206)
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.4); x3 <- runif(n, 40, 80)
t <- rexp(n, 0.05 * exp(0.3 * x1 - 0.4 * x2 + 0.01 * (x3 - 60))); c <- runif(n, 0, 40)
d <- data.frame(time = pmax(1, ceiling(pmin(t, c) / unit)), status = as.integer(t <= c), x1 = round(x1, 4), x2 = x2, x3 = round(x3, 2))
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)
write.csv(d, out, row.names = FALSE)
ev <- table(d$time[d$status == 1])
cat(sprintf("rows\t%d\tevents\t%d\tevent_times\t%d\tmax_tied\t%d\n", n, sum(d$status), length(ev), max(ev)))
for (ties in c("efron", "exact")) {
  ms <- sapply(seq_len(reps), function(i) system.time(fit <<- coxph(Surv(time, status) ~ x1 + x2 + x3, d, ties = ties))[["elapsed"]] * 1000)
  cat(sprintf("%s_ms\t%s\tmedian\t%.0f\tcoef\t%s\n", ties, paste(round(ms), collapse = ";"), median(ms),
              paste(signif(coef(fit), 10), collapse = ";")))
}
