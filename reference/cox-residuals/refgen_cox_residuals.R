# Reference values for survkit's Cox residuals, robust variance, baseline hazard and predicted
# survival curves (CoxResidualsTest, BaselineHazardTest, CoxPredictionTest).
#
# Usage, from /work/main (R 4.2.2, survival 3.5-3, jsonlite 1.8.4):
#   Rscript reference/cox-residuals/refgen_cox_residuals.R survkit-stats/src/test/resources/reference/cox-residuals
# Reads lung.csv and veteran.csv from ../shared/datasets (override with SURVKIT_SHARED_DATASETS=DIR),
# writes the two derived datasets (lung_w.csv: lung plus a fractional case weight; heart.csv:
# survival::heart) to OUTDIR/data/ and reference/cox-residuals/data/, and OUTDIR/<case>.json per fit.
# Output is identical on every run. Ends with "all N checks passed"; stops at the first failed check.
#
# JSON per case (numbers via toJSON(digits = NA), 15 significant digits; R's NA -> null):
#   case, file, start, time, event, covariates (CSV columns, in formula order), factors (the ones that
#   are R factors), strata, weights, cluster, ties, formula, rows_used (1-based CSV data rows that
#   entered the fit, file order; everything below is in that order),
#   coef, var (fit$var), naive_var (fit$naive.var or null), means, robust (robust variance used?),
#   rscore (summary(fit)$robscore test or null), wald (fit$wald.test),
#   martingale, deviance            residuals(fit, type), one per row
#   score, dfbeta                   residuals(fit, type), n x p, row-major
#   scaledsch                       residuals(fit, "scaledsch"), same rows as schoenfeld
#   schoenfeld {time, stratum, row, resid}  residuals(fit, "schoenfeld"): one row per event in R's
#                                   order (stratum, time, input order); `row` = index into rows_used
#                                   (1-based), resid is row-major n_events x p
#   collapse (cluster cases) {cluster: codes per row, dfbeta: residuals(fit, "dfbeta", collapse = cl),
#                                   martingale, deviance (collapsed), clusters (sorted unique ids)}
#   robust_check = crossprod(collapsed dfbeta) (equals var for cluster fits)
#   basehaz {centered, uncentered}: {time, hazard, strata}   basehaz(fit, centered = TRUE / FALSE)
#   survfit: list of {profile (one value per model-matrix column), newdata, strata,
#                     log/log-log/plain: {time, n_risk, n_event, n_censor, surv, std_err, lower, upper,
#                     cumhaz}}  survfit(fit, newdata = one row, conf.type = ...), R defaults
#                     otherwise (stype 2, ctype from ties); std_err is R's fit$std.err (se of the
#                     cumulative hazard = se of log S).
suppressPackageStartupMessages({library(survival); library(jsonlite)})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(as.character(packageVersion("survival")) == "3.5.3")
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args)) args[1] else "survkit-stats/src/test/resources/reference/cox-residuals"
SHARED <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
here <- "reference/cox-residuals/data"
dir.create(file.path(outdir, "data"), showWarnings = FALSE, recursive = TRUE)
dir.create(here, showWarnings = FALSE, recursive = TRUE)
nchecks <- 0
check <- function(ok, what) { if (!isTRUE(ok)) stop("check failed: ", what); nchecks <<- nchecks + 1 }
near <- function(a, b, tol = 1e-8) isTRUE(all.equal(unname(as.numeric(a)), unname(as.numeric(b)), tolerance = tol))

fmt <- function(x) vapply(x, function(v) {
  if (is.na(v)) return("")
  v <- v + 0
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  sprintf("%.17g", v)
}, "")
write_set <- function(d, name) {
  for (k in names(d)) if (is.numeric(d[[k]])) d[[k]] <- fmt(d[[k]]) else d[[k]][is.na(d[[k]])] <- ""
  for (dir in c(here, file.path(outdir, "data")))
    write.csv(d, file.path(dir, name), row.names = FALSE, quote = FALSE)
}

lung <- read.csv(file.path(SHARED, "lung.csv"))
lung$w <- c(0.5, 1, 1.5, 2.25)[(seq_len(nrow(lung)) - 1) %% 4 + 1]  # fractional: R turns robust on
write_set(lung, "lung_w.csv")
h <- survival::heart
h$transplant <- as.integer(as.character(h$transplant))
write_set(h[, c("id", "start", "stop", "event", "age", "year", "surgery", "transplant")], "heart.csv")
# a stress set for everything at once: (start, stop] rows with entries on other rows' death times,
# heavy ties (integer times 1..40), 3 strata, fractional weights, 60 clusters of 1-8 rows
set.seed(20250105)
ns <- 320
x1 <- round(rnorm(ns), 2); x2 <- rbinom(ns, 1, 0.4); site <- sample(1:3, ns, replace = TRUE)
entry <- ifelse(runif(ns) < 0.5, 0, sample(0:20, ns, replace = TRUE))
ev <- ceiling(rexp(ns, 0.04 * exp(0.5 * x1 + 0.6 * x2)))
ce <- sample(3:40, ns, replace = TRUE)
syn <- data.frame(start = entry, stop = entry + pmin(ev, ce), status = as.integer(ev <= ce), x1 = x1, x2 = x2,
                  site = site, w = sample(c(0.5, 1, 1.5, 2.5), ns, replace = TRUE),
                  cl = sample(1:60, ns, replace = TRUE))
write_set(syn, "synthetic.csv")
# read back exactly what Java reads
lung <- read.csv(file.path(here, "lung_w.csv"))
heart <- read.csv(file.path(here, "heart.csv"))
syn <- read.csv(file.path(here, "synthetic.csv"))
veteran <- read.csv(file.path(SHARED, "veteran.csv"))
invisible(file.copy(file.path(SHARED, "veteran.csv"), file.path(outdir, "data", "veteran.csv"), overwrite = TRUE))

rowmajor <- function(m) { m <- as.matrix(m); unname(lapply(seq_len(nrow(m)), function(i) unname(m[i, ]))) }
num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }

make_case <- function(name, file, data, formula, covariates, factors = character(0), strata = NULL,
                      weights = NULL, cluster = NULL, start = NULL, time = "time", event = "status",
                      ties = "efron", profiles) {
  data$.row <- seq_len(nrow(data))
  data$.w <- if (is.null(weights)) 1 else data[[weights]]
  fit <- if (is.null(weights)) coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE)
         else coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE, weights = .w)
  used <- data$.row
  if (!is.null(fit$na.action)) used <- setdiff(data$.row, as.integer(fit$na.action))
  check(length(used) == fit$n, paste(name, "rows"))
  d <- data[used, ]
  p <- length(coef(fit))
  mart <- residuals(fit, "martingale"); dev <- residuals(fit, "deviance")
  sco <- residuals(fit, "score"); dfb <- residuals(fit, "dfbeta")
  sch <- residuals(fit, "schoenfeld")
  # Schoenfeld rows: R's order is (stratum, time, -status, input order)
  ny <- ncol(fit$y); st <- fit$y[, ny]; tt <- fit$y[, ny - 1]
  istrat <- if (is.null(strata)) rep(1L, fit$n) else as.integer(factor(d[[strata]]))
  ord <- order(istrat, tt, -st)
  deadrows <- ord[st[ord] == 1]
  check(near(as.numeric(rownames(as.matrix(sch))), tt[deadrows]), paste(name, "schoenfeld order"))
  # identities: sum of martingale = 0 (unweighted fit), colSums(weighted score) = fit score ~ 0
  wts <- if (is.null(weights)) rep(1, fit$n) else d[[weights]]
  check(max(abs(colSums(as.matrix(sco) * wts))) < 1e-4, paste(name, "score residuals sum to U(beta)"))
  check(near(as.matrix(dfb), (as.matrix(sco) %*% (if (is.null(fit$naive.var)) fit$var else fit$naive.var)) * wts),
        paste(name, "dfbeta = weighted score x var"))
  check(max(abs(colSums(as.matrix(sch)) )) < 1e-4 || !is.null(weights), paste(name, "schoenfeld sums"))
  out <- list(case = name, file = file, start = start, time = time, event = event,
              covariates = covariates, factors = factors, strata = strata, weights = weights,
              cluster = cluster, ties = ties, formula = paste(deparse(formula), collapse = " "),
              rows_used = used, n = fit$n, events = fit$nevent, coef = unname(num(coef(fit))),
              coef_names = names(coef(fit)),
              var = rowmajor(fit$var), naive_var = if (is.null(fit$naive.var)) NULL else rowmajor(fit$naive.var),
              means = unname(fit$means), robust = !is.null(fit$naive.var),
              rscore = if (is.null(fit$rscore)) NULL else unname(fit$rscore),
              wald = unname(fit$wald.test), loglik = fit$loglik,
              martingale = unname(mart), deviance = unname(dev),
              score = rowmajor(sco), dfbeta = rowmajor(dfb),
              schoenfeld = list(time = tt[deadrows], stratum = istrat[deadrows] - 1L, row = deadrows,
                                resid = rowmajor(sch)),
              scaledsch = rowmajor(residuals(fit, "scaledsch")))
  if (!is.null(fit$rscore)) check(near(summary(fit)$robscore[["test"]], fit$rscore), paste(name, "robscore"))
  if (!is.null(cluster)) {
    cl <- d[[cluster]]
    cdf <- residuals(fit, "dfbeta", collapse = cl)
    # R's deviance formula sqrt(-2 (M + d log(d - M))) is meant for d in {0, 1}: for a cluster with
    # d > 1 events and M near 0 its argument is negative and R returns NaN (written as null)
    cdev <- suppressWarnings(residuals(fit, "deviance", collapse = cl))
    check(near(crossprod(as.matrix(cdf)), fit$var), paste(name, "robust var = crossprod collapsed dfbeta"))
    out$collapse <- list(cluster = cl, clusters = sort(unique(cl)), dfbeta = rowmajor(cdf),
                         martingale = unname(residuals(fit, "martingale", collapse = cl)),
                         deviance = unname(cdev))
  } else if (!is.null(fit$naive.var)) {
    check(near(crossprod(as.matrix(dfb)), fit$var), paste(name, "robust var without cluster"))
  }
  out$robust_check <- rowmajor(crossprod(as.matrix(dfb)))
  bh <- function(centered) {
    b <- basehaz(fit, centered = centered)
    list(time = b$time, hazard = b$hazard, strata = if (is.null(b$strata)) NULL else as.integer(b$strata) - 1L)
  }
  out$basehaz <- list(centered = bh(TRUE), uncentered = bh(FALSE))
  # a check of basehaz(centered = FALSE) from first principles (Breslow, no strata, no ties adj.)
  if (is.null(strata) && is.null(start) && ties == "breslow") {
    r <- exp(as.matrix(fit$x) %*% coef(fit)) * wts
    ut <- sort(unique(tt)); haz <- sapply(ut, function(s) sum(wts[tt == s & st == 1]) / sum(r[tt >= s]))
    check(near(cumsum(haz), out$basehaz$uncentered$hazard), paste(name, "breslow baseline"))
  }
  out$survfit <- lapply(profiles, function(nd) {
    x2 <- model.matrix(delete.response(terms(fit)), model.frame(delete.response(terms(fit)), nd,
                       xlev = fit$xlevels))[, -1, drop = FALSE]
    one <- function(ct) {
      s <- survfit(fit, newdata = nd, conf.type = ct)
      list(time = s$time, n_risk = s$n.risk, n_event = s$n.event, n_censor = s$n.censor,
           surv = as.numeric(s$surv), std_err = num(s$std.err), lower = num(s$lower), upper = num(s$upper),
           cumhaz = as.numeric(s$cumhaz))
    }
    keepcols <- colnames(x2)[!grepl("strata\\(", colnames(x2))]
    list(newdata = nd, profile = unname(x2[1, keepcols]),
         stratum = if (is.null(strata)) NULL else match(as.character(nd[[strata]]), sort(unique(as.character(d[[strata]])))) - 1L,
         log = one("log"), `log-log` = one("log-log"), plain = one("plain"))
  })
  writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE),
             file.path(outdir, paste0(name, ".json")))
  cat(sprintf("%-22s n=%d p=%d events=%d robust=%s\n", name, fit$n, p, fit$nevent, !is.null(fit$naive.var)))
}

pl <- list(data.frame(age = 60, sex = 1, ph.ecog = 0), data.frame(age = 70, sex = 2, ph.ecog = 2))
make_case("lung_efron", "lung_w.csv", lung, Surv(time, status) ~ age + sex + ph.ecog,
          c("age", "sex", "ph.ecog"), profiles = pl)
make_case("lung_breslow", "lung_w.csv", lung, Surv(time, status) ~ age + sex + ph.ecog,
          c("age", "sex", "ph.ecog"), ties = "breslow", profiles = pl)
make_case("lung_strata", "lung_w.csv", lung, Surv(time, status) ~ age + ph.ecog + strata(sex),
          c("age", "ph.ecog"), strata = "sex",
          profiles = list(data.frame(age = 60, ph.ecog = 1, sex = 1), data.frame(age = 70, ph.ecog = 2, sex = 2)))
make_case("lung_strata_breslow", "lung_w.csv", lung, Surv(time, status) ~ age + ph.ecog + strata(sex),
          c("age", "ph.ecog"), strata = "sex", ties = "breslow",
          profiles = list(data.frame(age = 60, ph.ecog = 1, sex = 2)))
make_case("lung_weights", "lung_w.csv", lung, Surv(time, status) ~ age + sex + ph.ecog,
          c("age", "sex", "ph.ecog"), weights = "w", profiles = pl)
make_case("lung_weights_breslow", "lung_w.csv", lung, Surv(time, status) ~ age + sex + ph.ecog,
          c("age", "sex", "ph.ecog"), weights = "w", ties = "breslow", profiles = pl[1])
make_case("lung_cluster", "lung_w.csv", lung, Surv(time, status) ~ age + sex + ph.ecog + cluster(inst),
          c("age", "sex", "ph.ecog"), cluster = "inst", profiles = pl)
make_case("veteran_celltype", "veteran.csv", veteran, Surv(time, status) ~ trt + celltype + karno,
          c("trt", "celltype", "karno"), factors = "celltype",
          profiles = list(data.frame(trt = 1, celltype = "squamous", karno = 60),
                          data.frame(trt = 2, celltype = "adeno", karno = 40)))
make_case("veteran_celltype_breslow", "veteran.csv", veteran, Surv(time, status) ~ trt + celltype + karno,
          c("trt", "celltype", "karno"), factors = "celltype", ties = "breslow",
          profiles = list(data.frame(trt = 2, celltype = "smallcell", karno = 70)))
make_case("heart_efron", "heart.csv", heart, Surv(start, stop, event) ~ age + transplant,
          c("age", "transplant"), start = "start", time = "stop", event = "event",
          profiles = list(data.frame(age = 0, transplant = 0), data.frame(age = 10, transplant = 1)))
make_case("heart_breslow", "heart.csv", heart, Surv(start, stop, event) ~ age + transplant,
          c("age", "transplant"), start = "start", time = "stop", event = "event", ties = "breslow",
          profiles = list(data.frame(age = -5, transplant = 1)))
make_case("heart_cluster", "heart.csv", heart, Surv(start, stop, event) ~ age + transplant + cluster(id),
          c("age", "transplant"), start = "start", time = "stop", event = "event", cluster = "id",
          profiles = list(data.frame(age = 0, transplant = 1)))
make_case("synthetic_all", "synthetic.csv", syn,
          Surv(start, stop, status) ~ x1 + x2 + strata(site) + cluster(cl), c("x1", "x2"), strata = "site",
          weights = "w", cluster = "cl", start = "start", time = "stop", event = "status",
          profiles = list(data.frame(x1 = 0.5, x2 = 1, site = 2)))
make_case("synthetic_all_breslow", "synthetic.csv", syn,
          Surv(start, stop, status) ~ x1 + x2 + strata(site), c("x1", "x2"), strata = "site",
          weights = "w", start = "start", time = "stop", event = "status", ties = "breslow",
          profiles = list(data.frame(x1 = -1, x2 = 0, site = 3)))
cat("all", nchecks, "checks passed\n")
