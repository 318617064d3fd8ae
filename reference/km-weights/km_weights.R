# Reference values for Kaplan–Meier with case weights and with (start, stop] rows (issue 13 item 2).
# Run from the repository root:
#   Rscript reference/km-weights/km_weights.R survkit-stats/src/test/resources/reference/km-weights
# Writes the datasets (data_*.csv) and km_weights.json into that directory. Seeded; output is identical
# on rerun. Cases (survfit(..., weights =) with R's defaults: robust = TRUE when a weight is not an integer):
#   lung_wint   Surv(time, status) ~ sex, lung, weights = wi (integers 1..3)      -> weighted Greenwood
#   lung_wfrac  Surv(time, status) ~ sex, lung, weights = wf (non-integer)        -> robust (IJ) std.err
#   heart_tx    Surv(start, stop, event) ~ transplant, heart (jasa1)              -> counting process
#   trunc       Surv(entry, exit, status) ~ group, simulated left-truncated cohort
#   trunc_wint  the same with integer weights wi                                  -> weighted Greenwood
#   trunc_wfrac the same with non-integer weights wf                              -> robust (IJ), n.enter
suppressMessages({library(survival); library(jsonlite)})
args <- commandArgs(TRUE); out <- if (length(args)) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)

set.seed(20261206)
lung2 <- data.frame(time = lung$time, status = lung$status - 1L, sex = lung$sex,
                    wi = sample(1:3, nrow(lung), TRUE), wf = round(runif(nrow(lung), 0.2, 3), 3))
write.csv(lung2, file.path(out, "data_lung_w.csv"), row.names = FALSE, quote = FALSE)
heart2 <- data.frame(start = heart$start, stop = heart$stop, event = heart$event, transplant = heart$transplant)
write.csv(heart2, file.path(out, "data_heart.csv"), row.names = FALSE, quote = FALSE)
# left truncation: latent T ~ Exp, seen only when T > entry; censoring after entry; times on a 0.01 grid
n <- 600
g <- sample(c("A", "B"), n, TRUE)
tt <- rexp(n, ifelse(g == "A", 0.25, 0.4))
entry <- round(runif(n, 0, 3), 2)
cens <- entry + runif(n, 0.5, 8)
keep <- tt > entry
exit <- round(pmin(tt, cens), 2)
st <- as.integer(tt <= cens)
tr <- data.frame(entry = entry, exit = exit, status = st, group = g, wi = sample(1:4, n, TRUE),
                 wf = round(runif(n, 0.1, 2.5), 3))[keep & exit > entry, ]
write.csv(tr, file.path(out, "data_trunc.csv"), row.names = FALSE, quote = FALSE)

cases <- list(
  list(case = "lung_wint", file = "data_lung_w.csv", start = NULL, stop = "time", event = "status", group = "sex",
       weights = "wi", data = lung2, tau = 500, at = c(0, 100, 365, 500, 1100)),
  list(case = "lung_wfrac", file = "data_lung_w.csv", start = NULL, stop = "time", event = "status", group = "sex",
       weights = "wf", data = lung2, tau = 500, at = c(0, 100, 365, 500, 1100)),
  list(case = "heart_tx", file = "data_heart.csv", start = "start", stop = "stop", event = "event",
       group = "transplant", weights = NULL, data = heart2, tau = 600, at = c(0, 30, 100, 365, 2000)),
  list(case = "trunc", file = "data_trunc.csv", start = "entry", stop = "exit", event = "status", group = "group",
       weights = NULL, data = tr, tau = 6, at = c(0, 0.5, 1, 3, 6, 20)),
  list(case = "trunc_wint", file = "data_trunc.csv", start = "entry", stop = "exit", event = "status",
       group = "group", weights = "wi", data = tr, tau = 6, at = c(0, 0.5, 1, 3, 6, 20)),
  list(case = "trunc_wfrac", file = "data_trunc.csv", start = "entry", stop = "exit", event = "status",
       group = "group", weights = "wf", data = tr, tau = 6, at = c(0, 0.5, 1, 3, 6, 20)))

na <- function(x) { x[!is.finite(x)] <- NA; x }
one <- function(cs, ctype) {
  d <- cs$data
  y <- if (is.null(cs$start)) Surv(d[[cs$stop]], d[[cs$event]]) else Surv(d[[cs$start]], d[[cs$stop]], d[[cs$event]])
  grp <- factor(d[[cs$group]])
  fit <- if (is.null(cs$weights)) survfit(y ~ grp, conf.type = ctype)
         else survfit(y ~ grp, weights = d[[cs$weights]], conf.type = ctype)
  tab <- summary(fit, rmean = cs$tau)$table
  lapply(seq_along(levels(grp)), function(i) {
    f <- fit[i]
    s <- summary(f, censored = TRUE)
    q <- quantile(f, probs = c(0.25, 0.5, 0.75))
    a <- summary(f, times = cs$at, extend = TRUE)
    list(group = levels(grp)[i], records = unname(tab[i, "records"]), n_max = unname(tab[i, "n.max"]),
         n_start = unname(tab[i, "n.start"]), events = unname(tab[i, "events"]),
         robust = !is.null(cs$weights) && any(d[[cs$weights]] != floor(d[[cs$weights]])),
         median = list(estimate = na(unname(tab[i, "median"])), lower = na(unname(tab[i, 8])), upper = na(unname(tab[i, 9]))),
         rmst = list(tau = cs$tau, estimate = unname(tab[i, "rmean"]), se = unname(tab[i, "se(rmean)"])),
         quantiles = lapply(1:3, function(k) list(p = c(0.25, 0.5, 0.75)[k], estimate = na(unname(q$quantile[k])),
                                                  lower = na(unname(q$lower[k])), upper = na(unname(q$upper[k])))),
         table = data.frame(time = f$time, n_risk = f$n.risk, n_event = f$n.event, n_censor = f$n.censor,
                            n_enter = if (is.null(f$n.enter)) NA else f$n.enter,
                            surv = f$surv, std_err = na(s$std.err), lower = na(f$lower), upper = na(f$upper),
                            cumhaz = f$cumhaz, std_chaz = na(f$std.chaz)),
         at = data.frame(time = a$time, n_risk = a$n.risk, surv = a$surv, std_err = na(a$std.err),
                         lower = na(a$lower), upper = na(a$upper)))
  })
}
res <- lapply(cases, function(cs) {
  list(case = cs$case, file = cs$file, start = cs$start, stop = cs$stop, event = cs$event, group = cs$group,
       weights = cs$weights, r_version = R.version.string, r_survival = as.character(packageVersion("survival")),
       km = setNames(lapply(c("log", "log-log", "plain"), function(ct) list(conf_type = ct, conf_level = 0.95,
                                                                          groups = one(cs, ct))),
                     c("log", "log-log", "plain")))
})
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, na = "null", null = "null", dataframe = "rows", pretty = FALSE),
           file.path(out, "km_weights.json"))
# identities behind the Java tests (checked here in R too)
f1 <- survfit(Surv(time, status) ~ sex, lung2, weights = wi)
f2 <- survfit(Surv(time, status) ~ sex, lung2[rep(seq_len(nrow(lung2)), lung2$wi), ])
stopifnot(all.equal(f1$surv, f2$surv, tolerance = 1e-12), all.equal(f1$std.err, f2$std.err, tolerance = 1e-12))
cat("wrote", length(res), "cases to", out, "\n")
