# Fixtures for survkit-cli's reconstruct tests: the Kaplan-Meier curves of R's lung by sex, digitized
# with seeded noise (both corners of every step, SD 0.2% of the time axis and 0.002 of survival), in
# the order a digitizer exports them (by group, then by time), survival in percent, with the numbers
# at risk every 100 days as a journal prints them under the figure.
# Usage: Rscript reference/guyot/make_cli_fixtures.R survkit-cli/src/test/resources/reference/lung.csv \
#          survkit-cli/src/test/resources/reconstruct
# R 4.2.2, survival 3.5-3.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
lung <- read.csv(args[1])
out <- args[2]
set.seed(20120209)
pts <- NULL
risk <- NULL
for (g in c(1, 2)) {
  d <- lung[lung$sex == g, ]
  fit <- survfit(Surv(time, status == 2) ~ 1, data = d)
  ev <- fit$n.event > 0
  t <- fit$time[ev]
  s <- fit$surv[ev]
  pt <- c(rbind(t, t), max(fit$time))
  ps <- c(rbind(c(1, head(s, -1)), s), tail(fit$surv, 1))
  tmax <- max(pt)
  pt <- pt + rnorm(length(pt), 0, 0.002 * tmax)
  ps <- pmin(1, pmax(0, ps + rnorm(length(ps), 0, 0.002)))
  keep <- pt > 0
  o <- order(pt[keep])
  pts <- rbind(pts, data.frame(group = ifelse(g == 1, "male", "female"), time = round(pt[keep][o], 2),
                               survival = round(100 * ps[keep][o], 2)))
  rt <- seq(0, 900, by = 100)
  rt <- rt[rt <= 0.9 * tmax]
  risk <- rbind(risk, data.frame(group = ifelse(g == 1, "male", "female"), time = rt,
                                 n_risk = sapply(rt, function(r) sum(d$time >= r))))
}
write.csv(pts, file.path(out, "lung_points.csv"), row.names = FALSE, quote = FALSE)
write.csv(risk, file.path(out, "lung_risk.csv"), row.names = FALSE, quote = FALSE)
print(risk)
