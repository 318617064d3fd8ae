# In-process timing of R survival on make_big.R cohorts, the R side of bench/run.sh.
#
#   Rscript bench/r_bench.R OUT.tsv big_1e6.csv [big_1e7.csv ...]
#
# For each CSV: data.table::fread (not timed), one untimed warm-up of each call on the first
# 1000 rows (loads lazy code), then REPS timed calls of
#   survfit(Surv(time, status) ~ group, data = d)    # Kaplan-Meier by group
#   survdiff(Surv(time, status) ~ group, data = d)   # 3-group log-rank test
# timed separately with system.time()[["elapsed"]] (wall clock), gc() before each call.
# Writes one TSV row per (task, rows): engine, task, rows, median_ms, min_ms, max_ms, runs_ms.
suppressPackageStartupMessages({
  library(survival)
  library(data.table)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: Rscript r_bench.R OUT.tsv FILE.csv [FILE.csv ...]")
out <- args[1]
files <- args[-1]
reps <- as.integer(Sys.getenv("R_BENCH_REPS", "5"))

time_ms <- function(expr_fun) {
  gc(verbose = FALSE)
  1000 * system.time(expr_fun())[["elapsed"]]
}

rows_out <- list()
for (f in files) {
  d <- fread(f, select = c("time", "status", "group"))
  n <- nrow(d)
  w <- d[seq_len(min(n, 1000))]
  invisible(survfit(Surv(time, status) ~ group, data = w))
  invisible(survdiff(Surv(time, status) ~ group, data = w))
  tasks <- list(
    km = function() survfit(Surv(time, status) ~ group, data = d),
    logrank = function() survdiff(Surv(time, status) ~ group, data = d)
  )
  for (task in names(tasks)) {
    runs <- vapply(seq_len(reps), function(i) time_ms(tasks[[task]]), numeric(1))
    cat(sprintf("R %-8s rows=%-9d median %8.0f ms  (runs: %s)\n", task, n, median(runs),
                paste(sprintf("%.0f", runs), collapse = ", ")))
    rows_out[[length(rows_out) + 1]] <- data.frame(
      engine = "R", task = task, rows = n, median_ms = median(runs), min_ms = min(runs),
      max_ms = max(runs), runs_ms = paste(sprintf("%.1f", runs), collapse = ";"))
  }
  rm(d, w)
  gc(verbose = FALSE)
}
fwrite(do.call(rbind, rows_out), out, sep = "\t")
