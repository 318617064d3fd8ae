# End-to-end R job timed as a whole process by bench/run.sh (the counterpart of
# `survkit km` + `survkit compare`):
#
#   Rscript bench/r_e2e.R big_1e6.csv
#
# Reads the CSV with data.table::fread, fits survfit(Surv(time, status) ~ group), forms
# summary(fit) (computed, not printed: printing its ~32,000 rows alone takes ~2.7 s at 1e6),
# and runs and prints survdiff(Surv(time, status) ~ group).
suppressPackageStartupMessages({
  library(survival)
  library(data.table)
})
f <- commandArgs(trailingOnly = TRUE)[1]
d <- fread(f)
fit <- survfit(Surv(time, status) ~ group, data = d)
s <- summary(fit)
print(fit)
print(survdiff(Surv(time, status) ~ group, data = d))
