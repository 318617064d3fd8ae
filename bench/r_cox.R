# R's side of the Cox benchmark: coxph(Surv(time, status) ~ x1 + ... + x8 + group), Efron ties, on the
# make_big.R cohort; median of REPS calls (default 3), printed as milliseconds.
#   Rscript bench/r_cox.R bench-data/big_1e6.csv [REPS]
suppressPackageStartupMessages({library(survival); library(data.table)})
a <- commandArgs(trailingOnly = TRUE)
d <- fread(a[1]); reps <- if (length(a) > 1) as.integer(a[2]) else 3L
d$group <- factor(d$group)
f <- Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + group
ms <- sapply(seq_len(reps), function(i) system.time(fit <<- coxph(f, data = d))[["elapsed"]] * 1000)
cat(sprintf("coxph_ms\t%s\n", paste(round(ms), collapse = ";")))
cat(sprintf("median_ms\t%.0f\n", median(ms)))
print(coef(fit))
