# Reference counts for survkit's IPD reconstruction (IpdReconstruction / GuyotAlgorithm):
# digitizes Kaplan-Meier curves of R datasets as a person with a digitizer would (both corners of
# every step, seeded noise in time and survival), prepares the points as survkit does (sorted,
# running minimum, start at (0, 1), a point at each risk-table time), runs the published algorithm
# (guyot2012.R) and writes, per case:
#   <case>_points.csv  time,survival  (prepared: the exact doubles the algorithm ran on)
#   <case>_risk.csv    time,n_risk
#   <case>_counts.csv  time,survival,n_hat,d,cen  (the algorithm's counts per point)
#   <case>_ipd.csv     time,event  (the reconstructed patients, sorted by time, events first)
# and cases.csv: case,total_events (NA when not given).
#
# Usage (from the repository root):
#   Rscript reference/guyot/make_guyot_reference.R survkit-stats/src/test/resources/datasets \
#           survkit-stats/src/test/resources/reference/guyot
# R 4.2.2, survival 3.5-3.
args <- commandArgs(trailingOnly = TRUE)
datasets <- if (length(args) >= 1) args[1] else "survkit-stats/src/test/resources/datasets"
out <- if (length(args) >= 2) args[2] else "survkit-stats/src/test/resources/reference/guyot"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "guyot2012.R"))
suppressPackageStartupMessages(library(survival))

f17 <- function(x) sprintf("%.17g", x)

digitize <- function(time, status, noise_t, noise_s) {
  fit <- survfit(Surv(time, status) ~ 1)
  ev <- fit$n.event > 0
  t <- fit$time[ev]
  s <- fit$surv[ev]
  before <- c(1, head(s, -1))
  pt <- c(rbind(t, t))
  ps <- c(rbind(before, s))
  pt <- c(pt, max(fit$time))
  ps <- c(ps, tail(fit$surv, 1))
  tmax <- max(pt)
  pt <- pt + rnorm(length(pt), 0, noise_t * tmax)
  ps <- ps + rnorm(length(ps), 0, noise_s)
  keep <- pt > 0
  list(t = pt[keep], s = pmin(1, pmax(0, ps[keep])), fit = fit)
}

prepare <- function(t, s, t.risk) {
  o <- order(t, -s)
  t <- t[o]
  s <- cummin(s[o])
  t <- c(0, t)
  s <- c(1, s)
  for (r in t.risk) {
    k <- sum(t < r)
    before <- if (k == 0) 1 else s[k]
    present <- k < length(t) && t[k + 1] == r && s[k + 1] == before
    if (!present) {
      t <- append(t, r, after = k)
      s <- append(s, before, after = k)
    }
  }
  list(t = t, s = s)
}

run_case <- function(name, time, status, step, noise_t, noise_s, tot = NA, seed) {
  set.seed(seed)
  dg <- digitize(time, status, noise_t, noise_s)
  tmax <- max(dg$t)
  t.risk <- seq(0, 0.9 * tmax, by = step)
  n.risk <- sapply(t.risk, function(r) sum(time >= r))
  p <- prepare(dg$t, dg$s, t.risk)
  stopifnot(all(diff(p$t) > 0))
  lower <- sapply(t.risk, function(r) which(p$t >= r)[1])
  upper <- c(lower[-1] - 1, length(p$t))
  if (is.na(tot) && identical(tot, "events")) tot <- NA
  g <- guyot2012(p$t, p$s, t.risk, n.risk, lower, upper, tot)
  o <- order(g$time, -g$event)
  write.csv(data.frame(time = f17(p$t), survival = f17(p$s)), file.path(out, paste0(name, "_points.csv")),
            row.names = FALSE, quote = FALSE)
  write.csv(data.frame(time = f17(t.risk), n_risk = n.risk), file.path(out, paste0(name, "_risk.csv")),
            row.names = FALSE, quote = FALSE)
  write.csv(data.frame(time = f17(p$t), survival = f17(p$s), n_hat = g$n.hat, d = g$d, cen = g$cen),
            file.path(out, paste0(name, "_counts.csv")), row.names = FALSE, quote = FALSE)
  write.csv(data.frame(time = f17(g$time[o]), event = g$event[o]), file.path(out, paste0(name, "_ipd.csv")),
            row.names = FALSE, quote = FALSE)
  cat(sprintf("%-22s %4d points, %2d risk times, n %4d, events %4d (true %4d), censored %4d\n", name,
              length(p$t), length(t.risk), n.risk[1], sum(g$d), sum(status), sum(g$cen)))
  data.frame(case = name, total_events = tot)
}

lung <- read.csv(file.path(datasets, "lung.csv"))
gbsg <- read.csv(file.path(datasets, "gbsg.csv"))
vet <- read.csv(file.path(datasets, "veteran.csv"))
cases <- rbind(
  run_case("lung_sex1", lung$time[lung$sex == 1], lung$status[lung$sex == 1] == 2, 100, 0.002, 0.002, seed = 1),
  run_case("lung_sex2", lung$time[lung$sex == 2], lung$status[lung$sex == 2] == 2, 100, 0.002, 0.002, seed = 2),
  run_case("lung_sex2_events", lung$time[lung$sex == 2], lung$status[lung$sex == 2] == 2, 100, 0.002, 0.002,
           tot = sum(lung$status[lung$sex == 2] == 2), seed = 2),
  run_case("gbsg_hormon0", gbsg$rfstime[gbsg$hormon == 0], gbsg$status[gbsg$hormon == 0] == 1, 365, 0.002, 0.002,
           seed = 3),
  run_case("gbsg_hormon1_events", gbsg$rfstime[gbsg$hormon == 1], gbsg$status[gbsg$hormon == 1] == 1, 365, 0.002,
           0.002, tot = sum(gbsg$status[gbsg$hormon == 1] == 1), seed = 4),
  run_case("veteran_trt1", vet$time[vet$trt == 1], vet$status[vet$trt == 1] == 1, 90, 0.003, 0.004, seed = 5),
  run_case("veteran_trt2_one_risk", vet$time[vet$trt == 2], vet$status[vet$trt == 2] == 1, 1e9, 0.003, 0.004,
           seed = 6))
write.csv(cases, file.path(out, "cases.csv"), row.names = FALSE, quote = FALSE, na = "NA")
cat("R", R.version$major, R.version$minor, "survival", as.character(packageVersion("survival")), "\n")
