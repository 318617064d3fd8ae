# Competing-risks reference values for survkit: R cmprsk cuminc (Aalen-Johansen CIF, variance, Gray's test),
# timepoints, and crr (Fine-Gray), on pbc and on seeded synthetic datasets with awkward features.
#
# Usage, from the repository root (R 4.2.2, survival 3.5-3, cmprsk 2.2-11, jsonlite):
#   Rscript reference/competing/refgen_competing.R survkit-stats/src/test/resources/reference/competing
# pbc.csv is read from ../shared/datasets (override with SURVKIT_SHARED_DATASETS=DIR). The synthetic
# datasets are generated here with fixed seeds. Every dataset used is written to OUTDIR/data/, every case to
# OUTDIR/<case>.json. The script stops at the first failed self-check and ends with "all N checks passed".
#
# JSON per case (a superset of ../shared/tools/refgen_cr.R's):
#   case, description, file, time, status, censor_value, group (column or null), strata (column or null),
#   covariates (terms), factors (covariates treated as factors), at, r_version, r_cmprsk, r_survival,
#   n (complete cases used),
#   curves: [{group, cause, time, cif, var, lower, upper, at: [{time, cif, var}]}]
#       time/cif/var: cuminc's step-function corners as R returns them: 0, then each event time of the
#       cause twice (value before and after the jump), then the group's largest follow-up time.
#       lower/upper: the log-log interval computed here from cif and var at the corners:
#       cif^exp(+-qnorm(0.975) sqrt(var) / (cif log cif)); 0 where cif = 0, null where cif = 1.
#       at: timepoints(fit, at) (NA after the group's last follow-up time).
#   gray: [{cause, statistic, p_value, df}] from cuminc(...)$Tests, unstratified, rho = 0 (null when ng = 1)
#   gray_strata: the same with strata = the strata column (when given)
#   gray_rho1: the same with rho = 1 (unstratified)
#   finegray: {"<cause>": {cause, terms, coefficients: [{term, coef, se, model_se, z, p_value, hr, hr_lower,
#       hr_upper}], loglik, loglik_null, converged}}
#       se = sqrt(diag(fit$var)) (robust, crr's default), model_se = sqrt(diag(fit$invinf)),
#       p_value = 2 pnorm(-|coef/se|) unrounded (summary.crr rounds to 2 digits), HR limits exp(coef +- 1.96 se).
#       Terms: a numeric covariate keeps its name; a factor f with levels L1 < L2 < ... becomes columns
#       "f=L2", "f=L3", ... (treatment contrasts, first level the reference) as survkit's DesignMatrixBuilder
#       names them.
#   cox_breslow_robust (one-cause case only): coxph(Surv(t, s != cv) ~ X, ties = "breslow", robust = TRUE)
#       coefficients and robust SEs, which crr must equal when no competing event occurs.
suppressPackageStartupMessages({library(survival); library(cmprsk); library(jsonlite)})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(packageVersion("cmprsk") == "2.2.11", packageVersion("survival") == "3.5.3")
args <- commandArgs(trailingOnly = TRUE)
outdir <- args[1]
shared <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
dir.create(file.path(outdir, "data"), showWarnings = FALSE, recursive = TRUE)

n_checks <- 0
check <- function(ok, what) { if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE); n_checks <<- n_checks + 1 }
close_to <- function(a, b, tol = 1e-9) isTRUE(all(abs(a - b) <= tol * pmax(1, abs(b)), na.rm = FALSE))

# ---- synthetic datasets (seeded) ----
make_ties <- function() {
  # integer times 1..25: many ties between causes, and censorings at event times; group C never has cause 2
  set.seed(20240611)
  n <- 120
  g <- rep(c("A", "B", "C"), each = 40)
  t <- sample(1:25, n, replace = TRUE)
  s <- sample(c(0, 1, 2), n, replace = TRUE, prob = c(0.3, 0.4, 0.3))
  s[g == "C" & s == 2] <- 1
  age <- round(rnorm(n, 60, 10), 1)
  sex <- rbinom(n, 1, 0.5)
  stage <- sample(c("I", "II", "III"), n, replace = TRUE)
  st <- sample(c("s1", "s2"), n, replace = TRUE)
  data.frame(id = 1:n, time = t, status = s, arm = g, age = age, sex = sex, stage = stage, centre = st)
}
make_onecause <- function() {
  set.seed(7)
  n <- 80
  trt <- rbinom(n, 1, 0.5)
  age <- round(rnorm(n, 55, 8), 1)
  ev <- rexp(n, 0.05 * exp(0.4 * trt + 0.02 * (age - 55)))
  ce <- runif(n, 5, 40)
  t <- round(pmin(ev, ce), 2)
  s <- as.numeric(ev <= ce)
  data.frame(time = t, status = s, trt = trt, age = age)
}
make_random300 <- function() {
  # three causes coded 1, 2, 5; continuous times; strata; a factor covariate
  set.seed(300)
  n <- 300
  grp <- sample(c("ctl", "low", "high"), n, replace = TRUE)
  x <- round(rnorm(n), 3)
  z <- sample(c("a", "b", "c", "d"), n, replace = TRUE)
  lp <- 0.3 * x + 0.4 * (grp == "high")
  t1 <- rexp(n, 0.10 * exp(lp)); t2 <- rexp(n, 0.06 * exp(-0.2 * x)); t5 <- rexp(n, 0.03)
  ce <- runif(n, 0, 20)
  tt <- pmin(t1, t2, t5, ce)
  s <- ifelse(tt == ce, 0, ifelse(tt == t1, 1, ifelse(tt == t2, 2, 5)))
  data.frame(time = signif(tt, 8), status = s, grp = grp, x = x, z = z,
             site = sample(c("north", "south"), n, replace = TRUE))
}
make_time_zero <- function() {
  # censoring code 9; events and censorings at time 0; a group of 6
  data.frame(
    time   = c(0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 12, 0, 2, 3, 5, 7, 9),
    status = c(1, 9, 2, 1, 2, 9, 1, 1, 2, 9, 1, 2, 9, 1, 2, 9, 1, 9, 2, 1, 1, 9, 2, 1, 9, 1),
    arm    = c(rep("x", 20), rep("y", 6)),
    w      = c(1.2, 0.3, 2.2, 0.8, 1.9, 0.4, 1.1, 2.5, 0.7, 1.6, 0.2, 1.3, 2.0, 0.9, 1.4, 0.6, 1.8, 1.0, 0.5, 2.3,
               1.7, 0.1, 1.5, 2.1, 0.35, 0.85))
}

write_data <- function(d, file) {
  write.csv(d, file.path(outdir, "data", file), row.names = FALSE)
  read.csv(file.path(outdir, "data", file), stringsAsFactors = FALSE)   # compute on what the tests read
}

pbc <- read.csv(file.path(shared, "pbc.csv"), stringsAsFactors = FALSE)
datasets <- list(
  "pbc.csv" = write_data(pbc, "pbc.csv"),
  "cr_ties.csv" = write_data(make_ties(), "cr_ties.csv"),
  "cr_onecause.csv" = write_data(make_onecause(), "cr_onecause.csv"),
  "cr_random300.csv" = write_data(make_random300(), "cr_random300.csv"),
  "cr_time_zero.csv" = write_data(make_time_zero(), "cr_time_zero.csv"))

cases <- list(
  list(name = "cr_pbc_edema", description = "pbc: 3 groups (edema 0/0.5/1), Gray's test stratified by sex, Fine-Gray with a factor (stage)",
       file = "pbc.csv", time = "time", status = "status", cv = 0, group = "edema", strata = "sex",
       covariates = c("age", "albumin", "stage"), factors = c("stage"), at = c(0, 365, 1000, 1826.25, 3000, 4191, 4556, 5000)),
  list(name = "cr_ties", description = "integer times with ties between causes and censorings at event times; group C has no cause-2 events; strata",
       file = "cr_ties.csv", time = "time", status = "status", cv = 0, group = "arm", strata = "centre",
       covariates = c("age", "sex", "stage"), factors = c("stage"), at = c(0, 1, 5, 12.5, 20, 25, 30)),
  list(name = "cr_onecause", description = "a single cause (status 0/1): CIF = 1 - KM, crr = coxph(breslow, robust)",
       file = "cr_onecause.csv", time = "time", status = "status", cv = 0, group = "trt", strata = NULL,
       covariates = c("trt", "age"), factors = character(0), at = c(1, 10, 20, 35)),
  list(name = "cr_random300", description = "three causes coded 1, 2, 5, continuous times, 3 groups, strata, 4-level factor",
       file = "cr_random300.csv", time = "time", status = "status", cv = 0, group = "grp", strata = "site",
       covariates = c("x", "z", "grp"), factors = c("z", "grp"), at = c(0.5, 2, 5, 10, 15)),
  list(name = "cr_time_zero", description = "censoring code 9, events and censorings at time 0, a group of 6, no groups for crr",
       file = "cr_time_zero.csv", time = "time", status = "status", cv = 9, group = "arm", strata = NULL,
       covariates = c("w"), factors = character(0), at = c(0, 1, 6, 9, 12, 13)))

sorted_levels <- function(v) {
  u <- unique(as.character(v)); x <- suppressWarnings(as.numeric(u))
  if (all(!is.na(x))) u[order(x)] else sort(u, method = "radix")
}
design <- function(d, covs, factors) {
  cols <- list(); names_ <- character(0)
  for (v in covs) {
    if (v %in% factors) {
      lv <- sorted_levels(d[[v]])
      for (l in lv[-1]) { cols[[length(cols) + 1]] <- as.numeric(as.character(d[[v]]) == l); names_ <- c(names_, paste0(v, "=", l)) }
    } else { cols[[length(cols) + 1]] <- as.numeric(d[[v]]); names_ <- c(names_, v) }
  }
  X <- do.call(cbind, cols); colnames(X) <- names_; X
}
loglog <- function(est, var) {
  z <- qnorm(0.975); se <- sqrt(var)
  lo <- est^exp(z * se / abs(est * log(est))); hi <- est^exp(-z * se / abs(est * log(est)))
  lo[est == 0] <- 0; hi[est == 0] <- 0; lo[est == 1] <- NA; hi[est == 1] <- NA
  list(lower = lo, upper = hi)
}
tests_df <- function(ci) {
  if (is.null(ci$Tests)) return(NULL)
  tt <- ci$Tests
  data.frame(cause = rownames(tt), statistic = tt[, "stat"], p_value = tt[, "pv"], df = tt[, "df"])
}

for (cs in cases) {
  d <- datasets[[cs$file]]
  need <- c(cs$time, cs$status, cs$group, cs$strata, cs$covariates)
  d <- d[complete.cases(d[, need]), ]
  ft <- d[[cs$time]]; fs <- d[[cs$status]]
  g <- as.character(d[[cs$group]])
  lv <- sorted_levels(g)
  g <- factor(g, levels = lv)
  ci <- cuminc(ft, fs, g, cencode = cs$cv)
  tp <- timepoints(ci, cs$at)
  curves <- lapply(names(ci)[names(ci) != "Tests"], function(nm) {
    x <- ci[[nm]]; parts <- strsplit(nm, " ")[[1]]
    ll <- loglog(x$est, x$var)
    list(group = parts[1], cause = parts[2], time = x$time, cif = x$est, var = x$var, lower = ll$lower, upper = ll$upper,
         at = data.frame(time = sort(unique(cs$at)), cif = unname(tp$est[nm, ]), var = unname(tp$var[nm, ])))
  })
  # self-checks: per group the CIFs of all causes add up to 1 - KM(any cause) at every event time
  for (gl in lv) {
    sub <- g == gl
    km <- survfit(Surv(ft[sub], fs[sub] != cs$cv) ~ 1)
    kmt <- km$time[km$n.event > 0]
    if (length(kmt) == 0) next
    total <- rep(0, length(kmt))
    for (nm in names(ci)[startsWith(names(ci), paste0(gl, " "))]) {
      x <- ci[[nm]]
      total <- total + sapply(kmt, function(t) x$est[max(which(x$time <= t))])
    }
    check(close_to(total, 1 - summary(km, times = kmt)$surv, 1e-10), paste(cs$name, gl, "sum of CIFs = 1 - KM"))
  }
  res <- list(case = cs$name, description = cs$description, file = cs$file, time = cs$time, status = cs$status,
              censor_value = cs$cv, group = cs$group, strata = if (is.null(cs$strata)) NA else cs$strata,
              covariates = cs$covariates, factors = cs$factors, at = cs$at, n = nrow(d),
              r_version = R.version.string, r_cmprsk = as.character(packageVersion("cmprsk")),
              r_survival = as.character(packageVersion("survival")),
              curves = curves, gray = tests_df(ci))
  if (!is.null(cs$strata)) res$gray_strata <- tests_df(cuminc(ft, fs, g, strata = d[[cs$strata]], cencode = cs$cv))
  if (length(lv) > 1) res$gray_rho1 <- tests_df(cuminc(ft, fs, g, rho = 1, cencode = cs$cv))
  X <- design(d, cs$covariates, cs$factors)
  res$finegray <- list()
  for (cause in sort(unique(fs[fs != cs$cv]))) {
    f <- crr(ft, fs, X, failcode = cause, cencode = cs$cv)
    s <- summary(f)$coef
    se <- sqrt(diag(f$var))
    check(close_to(unname(s[, "se(coef)"]), unname(se)), paste(cs$name, cause, "se"))
    check(close_to(unname(f$coef), unname(s[, "coef"])), paste(cs$name, cause, "coef"))
    check(close_to(unname(f$invinf), unname(solve(f$inf))), paste(cs$name, cause, "invinf"))
    check(max(abs(f$score)) < 1e-3, paste(cs$name, cause, "score ~ 0"))
    res$finegray[[as.character(cause)]] <- list(cause = cause, terms = colnames(X),
      coefficients = data.frame(term = colnames(X), coef = unname(f$coef), se = unname(se),
        model_se = unname(sqrt(diag(f$invinf))), z = unname(f$coef / se), p_value = unname(2 * pnorm(-abs(f$coef / se))),
        hr = unname(exp(f$coef)), hr_lower = unname(exp(f$coef - qnorm(0.975) * se)),
        hr_upper = unname(exp(f$coef + qnorm(0.975) * se))),
      loglik = f$loglik, loglik_null = f$loglik.null, converged = f$converged)
  }
  if (cs$name == "cr_onecause") {
    cx <- coxph(Surv(ft, fs != cs$cv) ~ X, ties = "breslow", robust = TRUE)
    f <- crr(ft, fs, X, failcode = 1, cencode = cs$cv)
    check(close_to(unname(coef(cx)), unname(f$coef), 1e-6), "one cause: crr coef = coxph breslow")
    check(close_to(unname(sqrt(diag(cx$var))), unname(sqrt(diag(f$var))), 1e-6), "one cause: crr se = coxph robust se")
    res$cox_breslow_robust <- data.frame(term = colnames(X), coef = unname(coef(cx)), robust_se = unname(sqrt(diag(cx$var))))
  }
  writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows", pretty = TRUE),
             file.path(outdir, paste0(cs$name, ".json")))
  cat("wrote", cs$name, "\n")
}
cat("all", n_checks, "checks passed\n")
