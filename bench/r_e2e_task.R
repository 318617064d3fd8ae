# R's side of bench/e2e.sh: one whole Rscript process per survkit command, on the same make_big.R CSV, read
# with data.table::fread (R's fastest CSV reader) on all cores, as survkit reads (data.table's default is half of
# them: 1 thread on a 2-core machine).
#   Rscript bench/r_e2e_task.R km      FILE   # fread + survfit(~group) + summary(fit) + survdiff, printed
#   Rscript bench/r_e2e_task.R compare FILE   # fread + survdiff(~group), printed
#   Rscript bench/r_e2e_task.R cox     FILE   # fread + coxph(~ x1..x8 + group) + cox.zph, printed
# km forms summary(fit) (the curve table survkit writes as JSON) but prints only fit: printing ~32,000 rows
# alone takes seconds, so the comparison favours R.
suppressPackageStartupMessages({
  library(survival)
  library(data.table)
})
setDTthreads(0)
a <- commandArgs(trailingOnly = TRUE)
task <- a[1]
d <- fread(a[2])
if (task == "km") {
  fit <- survfit(Surv(time, status) ~ group, data = d)
  s <- summary(fit)
  print(fit)
  print(survdiff(Surv(time, status) ~ group, data = d))
} else if (task == "compare") {
  print(survdiff(Surv(time, status) ~ group, data = d))
} else if (task == "cox") {
  d$group <- factor(d$group)
  fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + group, data = d)
  print(summary(fit))
  print(cox.zph(fit))
} else {
  stop("task: km, compare or cox")
}
