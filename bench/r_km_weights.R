# In-process timing of R's weighted Kaplan–Meier on a make_big.R cohort (survkit's KaplanMeierBench weighted
# methods use the same weights):
#
#   Rscript bench/r_km_weights.R bench-data/big_1e6.csv [REPS]
#
# Rows with time 0 are dropped (they cannot form a (start, stop] interval); then, i the 1-based index of the kept
# rows: wi = 1 + i %% 3 (whole numbers: weighted Greenwood) and wf = 0.25 + (i %% 7) / 4 (non-integer: survfit
# switches to robust = TRUE, the infinitesimal jackknife variance); entry = time * (i %% 4) / 8 for the
# (start, stop] fit. fread is not timed; each call is timed with
# system.time()[["elapsed"]] after gc(), median of REPS (default 3).
suppressPackageStartupMessages({library(survival); library(data.table)})
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1], select = c("time", "status", "group"))
reps <- if (length(args) > 1) as.integer(args[2]) else 3L
d <- d[time > 0]
i <- seq_len(nrow(d))
d[, wi := 1 + i %% 3]; d[, wf := 0.25 + (i %% 7) / 4]; d[, entry := time * (i %% 4) / 8]
w <- d[1:1000]
invisible(survfit(Surv(time, status) ~ group, data = w, weights = wi))
tasks <- list(
  km_weights_integer = function() survfit(Surv(time, status) ~ group, data = d, weights = wi),
  km_weights_fraction = function() survfit(Surv(time, status) ~ group, data = d, weights = wf),
  km_start_stop = function() survfit(Surv(entry, time, status) ~ group, data = d))
for (task in names(tasks)) {
  runs <- vapply(seq_len(reps), function(k) { gc(verbose = FALSE); 1000 * system.time(tasks[[task]]())[["elapsed"]] },
                 numeric(1))
  cat(sprintf("R %-20s rows=%d median %8.0f ms (runs: %s)\n", task, nrow(d), median(runs),
              paste(sprintf("%.0f", runs), collapse = ", ")))
}
