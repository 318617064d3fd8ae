# Cox proportional-hazards reference values from R survival for survkit's Cox tests.
#
# Usage, from /work/main (R 4.2.2, survival 3.5-3, jsonlite 1.8.4):
#   Rscript reference/cox/refgen_cox.R survkit-stats/src/test/resources/reference/cox
# Reads the shared datasets (lung, veteran, gbsg) from ../shared/datasets (override with
# SURVKIT_SHARED_DATASETS=DIR) and the small ones from reference/cox/data (made by
# reference/cox/make_cox_data.R; override with SURVKIT_COX_DATA=DIR). Writes OUTDIR/cox_<case>.json,
# one per fitted model, and copies every dataset used to OUTDIR/data/. Stops at the first failed
# check; ends with "all N checks passed".
#
# JSON layout (keys are described in reference/cox/README.md):
#   top level: case, description, file, time, start, event, event_value, formula, covariates, factors,
#              strata, weights, cluster, ties, r_version, r_survival
#   fit       coefficients, loglik, tests, concordance, n, events, iterations, warnings, var, means ...
#   zph       cox.zph(fit) (transform "km", terms = TRUE) table; zph_x / zph_y when events <= 100
#   residuals martingale, deviance, schoenfeld, scaledsch, score, dfbeta (n <= 250)
#   basehaz   basehaz(fit, centered = FALSE)
#   survfit   survfit(fit, newdata = 2 profiles), R defaults (ctype 1 breslow / 2 efron, stype 2, log CI)
#   loglik_at coxph(..., init = beta, iter.max = 0) at fixed beta: loglik, score vector, information
#   closed_form (T&G test sets only) loglik, score, information from the book's formulas
#
# Conventions (all as R does them):
# - coxph's defaults: eps 1e-9, iter.max 20, toler.chol .Machine$double.eps^0.75, timefix = TRUE
#   (aeqSurv merges near-equal times; every time in these datasets is an integer or far apart).
# - Complete cases only (na.omit): a row with NA in time/status/any covariate/weight/strata/cluster
#   is dropped; `rows_used` lists the 1-based CSV data rows that entered the fit, in file order.
# - NA, NaN and +-Inf are written as null (e.g. hr_upper of a diverging coefficient is Inf in R).
# - `wald_test.statistic` is fit$wald.test UNROUNDED. summary(fit)$waldtest rounds it to 2 decimals
#   (so shared/reference/*.json `cox.*.wald_test.statistic` is rounded); its p-value is unrounded.
suppressPackageStartupMessages({library(survival); library(jsonlite)})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(as.character(packageVersion("survival")) == "3.5.3")
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args)) args[1] else "survkit-stats/src/test/resources/reference/cox"
SHARED <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
COXDATA <- Sys.getenv("SURVKIT_COX_DATA", "reference/cox/data")
dir.create(file.path(outdir, "data"), showWarnings = FALSE, recursive = TRUE)

num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
nz <- function(x) if (is.null(x)) NA else x       # absent option -> JSON null (toJSON writes NULL as {})
rowmajor <- function(m) { m <- as.matrix(m); dimnames(m) <- NULL; m[!is.finite(m)] <- NA; m }  # toJSON writes matrices row-major
n_checks <- 0
check <- function(ok, what) { if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE); n_checks <<- n_checks + 1 }
close_to <- function(a, b, tol = 1e-8) isTRUE(length(a) == length(b) && all(abs(a - b) <= tol * pmax(1, abs(b))))

# ------------------------------------------------------------------ closed forms (T&G appendix E)
# Copied from survival's tests/book1.R .. book6.R (r = exp(beta), one covariate x).
# test1 = {time 9,3,1,1,6,6,8; status 1,NA,1,0,1,1,0; x 0,2,1,1,1,0,0}; row 2 (status NA) is dropped.
#  Breslow (book1.R):
#    loglik = 2 beta - (log(3r + 3) + 2 log(r + 3))
#    U      = (6 + 3r - r^2) / ((r + 1)(r + 3))
#    I      = r/(r + 1)^2 + 6r/(r + 3)^2
#    MLE    = log(1.5 + sqrt(33)/2) = 1.4727...
#  Efron (book2.R):
#    loglik = 2 beta - (log(3r + 3) + log((r + 5)/2) + log(r + 3))
#    U      = (30 + 23r - r^3) / ((r + 1)(r + 3)(r + 5))
#    I      = f(r/(r + 1)) + f(r/(r + 5)) + f(r/(r + 3)),  f(p) = p - p^2
#    MLE    = log(2 sqrt(23/3) cos(acos((45/23) sqrt(3/23)) / 3)) = 1.6768...
# test2 = counting process {start 1,2,5,2,1,7,3,4,8,8; stop 2,3,6,7,8,9,9,9,14,17;
#                           event 1,1,1,1,1,1,1,0,0,0; x 1,0,0,1,0,1,1,1,0,0}
#  Breslow (book3.R):
#    loglik = 4 beta - log(r + 1) - log(r + 2) - 3 log(3r + 2) - 2 log(3r + 1)
#    U      = 1/(r + 1) + 1/(3r + 1) + 4/(3r + 2) - (r/(r + 2) + 3r/(3r + 2) + 3r/(3r + 1))
#    I      = r/(r + 1)^2 + 2r/(r + 2)^2 + 6r/(3r + 2)^2 + 3r/(3r + 1)^2 + 3r/(3r + 1)^2 + 12r/(3r + 2)^2
#    MLE    = -0.084526081
#  Efron (book4.R):
#    loglik = 4 beta - (log(r + 1) + log(r + 2) + 2 log(3r + 2) + 2 log(3r + 1) + log(2r + 2))
#    U      = 1/(r + 1) + 1/(3r + 1) + 2 (1/(3r + 2) + 1/(2r + 2)) - (r/(r + 2) + 3r/(3r + 2) + 3r/(3r + 1))
#    I      = r (1/(r + 1)^2 + 2/(r + 2)^2 + 6/(3r + 2)^2 + 6/(3r + 1)^2 + 6/(3r + 2)^2 + 4/(2r + 2)^2)
# testw1 = case weights {time 1,1,2,2,2,2,3,4,5; status 1,0,1,1,1,0,0,1,0; x 2,0,1,1,0,1,0,1,0;
#                        wt 1,2,3,4,3,2,1,2,1}
#  Breslow (book5.R):
#    loglik = 11 beta - (log(r^2 + 11r + 7) + 10 log(11r + 5) + 2 log(2r + 1))
#    xbar   = ((2r^2 + 11r)/(r^2 + 11r + 7), 11r/(11r + 5), 2r/(2r + 1))
#    U      = 11 - (xbar1 + 10 xbar2 + 2 xbar3)
#    I      = (4r^2 + 11r)/(r^2 + 11r + 7) - xbar1^2 + 10 (xbar2 - xbar2^2) + 2 (xbar3 - xbar3^2)
#    MLE    = 0.85955744
#  Efron (book6.R), a = 7r + 3, b = 4r + 2 (the 3 tied deaths at t = 2 carry weights 3, 4, 3):
#    loglik = 11 beta - (log(r^2 + 11r + 7) + (10/3) log(11r + 5) + (10/3) log(2a/3 + b)
#                        + (10/3) log(a/3 + b) + 2 log(2r + 1))
#    xbar   = ((2r^2 + 11r)/(r^2 + 11r + 7), 11r/(11r + 5), (2 (7r)/3 + 4r)/(2a/3 + b),
#              (7r/3 + 4r)/(a/3 + b), 2r/(2r + 1))
#    U      = 11 - (xbar1 + (10/3)(xbar2 + xbar3 + xbar4) + 2 xbar5)
#    I      = (4r^2 + 11r)/(r^2 + 11r + 7) - xbar1^2 + 10 mean(xbar[2:4] - xbar[2:4]^2) + 2 (xbar5 - xbar5^2)
closed_forms <- list(
  test1_breslow = function(b) { r <- exp(b)
    list(loglik = 2 * b - (log(3 * r + 3) + 2 * log(r + 3)), u = (6 + 3 * r - r^2) / ((r + 1) * (r + 3)),
         imat = r / (r + 1)^2 + 6 * r / (r + 3)^2) },
  test1_efron = function(b) { r <- exp(b); f <- function(p) p - p^2
    list(loglik = 2 * b - (log(3 * r + 3) + log((r + 5) / 2) + log(r + 3)),
         u = (30 + 23 * r - r^3) / ((r + 1) * (r + 3) * (r + 5)), imat = f(r / (r + 1)) + f(r / (r + 5)) + f(r / (r + 3))) },
  test2_breslow = function(b) { r <- exp(b)
    list(loglik = 4 * b - log(r + 1) - log(r + 2) - 3 * log(3 * r + 2) - 2 * log(3 * r + 1),
         u = 1 / (r + 1) + 1 / (3 * r + 1) + 4 / (3 * r + 2) - (r / (r + 2) + 3 * r / (3 * r + 2) + 3 * r / (3 * r + 1)),
         imat = r / (r + 1)^2 + 2 * r / (r + 2)^2 + 6 * r / (3 * r + 2)^2 + 3 * r / (3 * r + 1)^2 + 3 * r / (3 * r + 1)^2 + 12 * r / (3 * r + 2)^2) },
  test2_efron = function(b) { r <- exp(b)
    list(loglik = 4 * b - (log(r + 1) + log(r + 2) + 2 * log(3 * r + 2) + 2 * log(3 * r + 1) + log(2 * r + 2)),
         u = 1 / (r + 1) + 1 / (3 * r + 1) + 2 * (1 / (3 * r + 2) + 1 / (2 * r + 2)) - (r / (r + 2) + 3 * r / (3 * r + 2) + 3 * r / (3 * r + 1)),
         imat = r * (1 / (r + 1)^2 + 2 / (r + 2)^2 + 6 / (3 * r + 2)^2 + 6 / (3 * r + 1)^2 + 6 / (3 * r + 2)^2 + 4 / (2 * r + 2)^2)) },
  testw1_breslow = function(b) { r <- exp(b)
    h1 <- 1 / (r^2 + 11 * r + 7); xb <- c((2 * r^2 + 11 * r) * h1, 11 * r / (11 * r + 5), 2 * r / (2 * r + 1))
    list(loglik = 11 * b - (log(r^2 + 11 * r + 7) + 10 * log(11 * r + 5) + 2 * log(2 * r + 1)),
         u = 11 - (xb[1] + 10 * xb[2] + 2 * xb[3]),
         imat = (4 * r^2 + 11 * r) * h1 - xb[1]^2 + 10 * (xb[2] - xb[2]^2) + 2 * (xb[3] - xb[3]^2)) },
  testw1_efron = function(b) { r <- exp(b); a <- 7 * r + 3; bb <- 4 * r + 2
    h1 <- 1 / (r^2 + 11 * r + 7)
    xb <- c((2 * r^2 + 11 * r) * h1, 11 * r / (11 * r + 5), (2 * 7 * r / 3 + 4 * r) / (2 * a / 3 + bb),
            (7 * r / 3 + 4 * r) / (a / 3 + bb), 2 * r / (2 * r + 1))
    list(loglik = 11 * b - (log(r^2 + 11 * r + 7) + 10 * log(11 * r + 5) / 3 + 10 * log(a * 2 / 3 + bb) / 3 +
                            10 * log(a / 3 + bb) / 3 + 2 * log(2 * r + 1)),
         u = 11 - (xb[1] + 10 * mean(xb[2:4]) + 2 * xb[5]),
         imat = (4 * r^2 + 11 * r) * h1 - xb[1]^2 + 10 * mean(xb[2:4] - xb[2:4]^2) + 2 * (xb[5] - xb[5]^2)) })
closed_mle <- list(test1_breslow = log(1.5 + sqrt(33) / 2),
                   test1_efron = log(cos(acos((45 / 23) * sqrt(3 / 23)) / 3) * 2 * sqrt(23 / 3)),
                   test2_breslow = -0.084526081, testw1_breslow = 0.85955744)

# ------------------------------------------------------------------ cases
S <- function(f) file.path(SHARED, f); C <- function(f) file.path(COXDATA, f)
LUNG_COV <- c("age", "sex", "ph.ecog")
VET_COV <- c("trt", "karno", "diagtime", "age", "prior", "celltype")
GBSG_COV <- c("age", "meno", "size", "grade", "nodes", "pgr", "er", "hormon")
lung_nd <- data.frame(age = c(60, 70), sex = c(1, 2), ph.ecog = c(1, 2))
vet_nd <- data.frame(trt = c(1, 2), karno = c(60, 80), diagtime = c(5, 10), age = c(60, 65), prior = c(0, 10),
                     celltype = c("squamous", "adeno"))
gbsg_nd <- data.frame(age = c(50, 60), meno = c(0, 1), size = c(25, 40), grade = c(2, 3), nodes = c(3, 10),
                      pgr = c(50, 10), er = c(50, 10), hormon = c(0, 1))
tie_nd <- data.frame(x1 = c(0, 1), x2 = c(0, 1), grp = c("low", "high"))
both <- function(cs) lapply(c("efron", "breslow"), function(t) modifyList(cs, list(name = paste0(cs$name, "_", t), ties = t)))
one <- function(cs, ties = "efron") list(modifyList(cs, list(name = paste0(cs$name, "_", ties), ties = ties)))

cases <- c(
  both(list(name = "lung", description = "lung, age + sex + ph.ecog (the shared lung_sex cox block, plus residuals, basehaz, survfit)",
            file = S("lung.csv"), time = "time", event = "status", event_value = 2, covariates = LUNG_COV, newdata = lung_nd,
            shared_check = "lung_sex.json")),
  both(list(name = "veteran", description = "veteran, celltype a factor with R's default reference (first level in sort order: adeno)",
            file = S("veteran.csv"), time = "time", event = "status", event_value = 1, covariates = VET_COV,
            factors = list(celltype = NULL), newdata = vet_nd, shared_check = "veteran_trt.json")),
  both(list(name = "veteran_squamous", description = "veteran, celltype releveled: relevel(factor(celltype), ref = \"squamous\")",
            file = S("veteran.csv"), time = "time", event = "status", event_value = 1, covariates = VET_COV,
            factors = list(celltype = "squamous"), newdata = vet_nd)),
  both(list(name = "gbsg", description = "gbsg (German Breast Cancer Study Group), 8 covariates",
            file = S("gbsg.csv"), time = "rfstime", event = "status", event_value = 1, covariates = GBSG_COV, newdata = gbsg_nd,
            shared_check = "gbsg_hormon.json")),
  both(list(name = "gbsg_strata", description = "gbsg stratified by grade (grade removed from the covariates)",
            file = S("gbsg.csv"), time = "rfstime", event = "status", event_value = 1, covariates = setdiff(GBSG_COV, "grade"),
            strata = "grade", newdata = gbsg_nd[, names(gbsg_nd) != "grade"])),
  both(list(name = "test1", description = "Therneau & Grambsch appendix E data set 1 (survival tests/book1.R Breslow, book2.R Efron); row 2 has status NA",
            file = C("test1.csv"), time = "time", event = "status", event_value = 1, covariates = "x",
            newdata = data.frame(x = c(0, 2)), betas = list(0, 0.5, 1, 8 / 5, -1, 2), closed_form = "test1")),
  both(list(name = "test2", description = "Therneau & Grambsch appendix E data set 2, counting process (tests/book3.R Breslow, book4.R Efron)",
            file = C("test2.csv"), start = "start", time = "stop", event = "event", event_value = 1, covariates = "x",
            newdata = data.frame(x = c(0, 2)), betas = list(0, 0.5, -0.5, 1, -1), closed_form = "test2")),
  both(list(name = "testw1", description = "Therneau's weighted test set (tests/book5.R Breslow, book6.R Efron): case weights, tied deaths and a death/censor tie",
            file = C("testw1.csv"), time = "time", event = "status", event_value = 1, covariates = "x", weights = "wt",
            newdata = data.frame(x = c(0.3, pi)), betas = list(0, 0.5, 1, -1, 2), closed_form = "testw1")),
  one(list(name = "lung_weights", description = "lung with case weights w = 1 + (inst mod 3) (w = 1 where inst is NA), age + sex + ph.ecog",
           file = C("lung_w.csv"), time = "time", event = "status", event_value = 2, covariates = LUNG_COV, weights = "w", newdata = lung_nd)),
  one(list(name = "lung_cluster", description = "lung with cluster(inst): robust (sandwich) variance; the row with inst NA is dropped",
           file = S("lung.csv"), time = "time", event = "status", event_value = 2, covariates = LUNG_COV, cluster = "inst", newdata = lung_nd)),
  both(list(name = "heart", description = "Stanford heart transplant, counting process Surv(start, stop, event) ~ transplant + age + year (survival::heart, jasa1 style)",
            file = C("heart.csv"), start = "start", time = "stop", event = "event", event_value = 1, covariates = c("transplant", "age", "year"),
            newdata = data.frame(transplant = c(0, 1), age = c(0, -5), year = c(3, 1)))),
  one(list(name = "heart_cluster", description = "heart with cluster(id): robust variance for a counting-process fit (several rows per subject)",
           file = C("heart.csv"), start = "start", time = "stop", event = "event", event_value = 1, covariates = c("transplant", "age", "year"),
           cluster = "id", newdata = data.frame(transplant = c(0, 1), age = c(0, -5), year = c(3, 1)))),
  both(list(name = "delayed_entry", description = "left truncation: Surv(entry, exit, status) ~ x + z; entries equal to other subjects' death times",
            file = C("delayed_entry.csv"), start = "entry", time = "exit", event = "status", event_value = 1, covariates = c("x", "z"),
            newdata = data.frame(x = c(0, 1), z = c(0, 1)))),
  one(list(name = "factor_empty", description = "factor grp with level D empty after complete-case filtering, and x2 = 2 * x1 (exactly collinear): both aliased (NA coefficients)",
           file = C("factor_empty.csv"), time = "time", event = "status", event_value = 1, covariates = c("grp", "x1", "x2", "age"),
           factors = list(grp = NULL), newdata = data.frame(grp = c("A", "B"), x1 = c(1, 0.5), x2 = c(2, 1), age = c(60, 50)))),
  both(list(name = "zero_event", description = "43 patients, receptor HR+ / HER2+ (1 death, reference) / TNBC (0 deaths): TNBC coefficient diverges",
            file = C("zero_event.csv"), time = "time", event = "status", event_value = 1, covariates = c("receptor", "age"),
            factors = list(receptor = NULL), newdata = data.frame(receptor = c("HER2+", "HR+"), age = c(50, 60)))),
  both(list(name = "ties200", description = "200 rows, integer times (heavy ties), x1 + x2 + grp (levels high/low/mid; reference high)",
            file = C("ties200.csv"), time = "time", event = "status", event_value = 1, covariates = c("x1", "x2", "grp"),
            factors = list(grp = NULL), newdata = tie_nd)),
  both(list(name = "ties200_strata", description = "ties200 stratified by site",
            file = C("ties200.csv"), time = "time", event = "status", event_value = 1, covariates = c("x1", "x2", "grp"),
            factors = list(grp = NULL), strata = "site", newdata = tie_nd)),
  one(list(name = "lung_missing", description = "lung, age + sex + ph.ecog + wt.loss: 14 wt.loss and 1 ph.ecog missing, complete cases only",
           file = S("lung.csv"), time = "time", event = "status", event_value = 2, covariates = c(LUNG_COV, "wt.loss"),
           newdata = data.frame(age = c(60, 70), sex = c(1, 2), ph.ecog = c(1, 2), wt.loss = c(0, 10))))
)

# ------------------------------------------------------------------ helpers
quiet <- function(expr) {   # evaluate, collecting warning texts
  ws <- character(0)
  val <- withCallingHandlers(expr, warning = function(w) { ws <<- c(ws, conditionMessage(w)); invokeRestart("muffleWarning") })
  list(value = val, warnings = ws)
}
test_row <- function(stat, df) list(statistic = num(stat), df = num(df), p_value = num(pchisq(stat, df, lower.tail = FALSE)))
strata_values <- function(nm, col) if (is.null(nm)) NULL else sub(paste0("^", col, "="), "", nm)

fit_model <- function(cs, d, init = NULL, iter_max = NULL) {
  call <- bquote(coxph(.(cs$formula_obj), data = d, ties = .(cs$ties), model = TRUE, x = TRUE, y = TRUE))
  if (!is.null(cs$weights)) call$weights <- as.name(cs$weights)
  if (!is.null(init)) call$init <- init
  if (!is.null(iter_max)) call$iter.max <- iter_max
  quiet(eval(call))
}

coef_rows <- function(fit) {
  b <- coef(fit); se <- sqrt(diag(fit$var)); rob <- !is.null(fit$naive.var)
  nse <- if (rob) sqrt(diag(fit$naive.var)) else se
  use_se <- se                                   # R's z uses the robust se when there is one
  z <- b / use_se; q <- qnorm(0.975)
  al <- is.na(b)
  # aliased terms: R's coef is NA and its variance row/column is 0, so R reports se(coef) = 0 (kept here)
  data.frame(term = names(b), coef = num(b), se = num(nse), robust_se = if (rob) num(se) else NA,
             z = num(ifelse(al, NA, z)), p_value = num(ifelse(al, NA, 2 * pnorm(-abs(z)))), hr = num(exp(b)),
             hr_lower = num(ifelse(al, NA, exp(b - q * use_se))), hr_upper = num(ifelse(al, NA, exp(b + q * use_se))),
             aliased = al, row.names = NULL)
}

# ------------------------------------------------------------------ one case
run_case <- function(cs) {
  d <- read.csv(cs$file, stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
  dest <- file.path(outdir, "data", basename(cs$file))
  file.copy(cs$file, dest, overwrite = TRUE); Sys.chmod(dest, "644")
  factors <- list()
  for (col in names(cs$factors)) {
    f <- factor(d[[col]])
    if (!is.null(cs$factors[[col]])) f <- relevel(f, ref = cs$factors[[col]])
    d[[col]] <- f
    factors[[length(factors) + 1]] <- list(column = col, levels = levels(f), reference = levels(f)[1])
  }
  ev <- if (cs$event_value == 1 && all(d[[cs$event]] %in% c(0, 1, NA))) cs$event else sprintf("%s == %s", cs$event, cs$event_value)
  lhs <- if (is.null(cs$start)) sprintf("Surv(%s, %s)", cs$time, ev) else sprintf("Surv(%s, %s, %s)", cs$start, cs$time, ev)
  rhs <- c(cs$covariates, if (!is.null(cs$strata)) sprintf("strata(%s)", cs$strata), if (!is.null(cs$cluster)) sprintf("cluster(%s)", cs$cluster))
  cs$formula <- paste(lhs, "~", paste(rhs, collapse = " + "))
  cs$formula_obj <- as.formula(cs$formula)

  ff <- fit_model(cs, d); fit <- ff$value; sm <- summary(fit)
  b <- coef(fit); p <- length(b); aliased <- any(is.na(b)); robust <- !is.null(fit$naive.var)
  dropped <- if (is.null(fit$na.action)) integer(0) else sort(as.integer(fit$na.action))
  rows_used <- setdiff(seq_len(nrow(d)), dropped)
  wts <- if (is.null(cs$weights)) rep(1, fit$n) else d[[cs$weights]][rows_used]
  y <- fit$y; status <- y[, ncol(y)]; stime <- y[, ncol(y) - 1]
  check(fit$n == length(rows_used) && fit$nevent == sum(status), paste(cs$name, "n / events"))

  res <- list(case = cs$name, description = cs$description, file = basename(cs$file), time = cs$time, start = nz(cs$start),
              event = cs$event, event_value = cs$event_value, formula = cs$formula, covariates = I(cs$covariates),
              factors = factors, strata = nz(cs$strata), weights = nz(cs$weights), cluster = nz(cs$cluster), ties = cs$ties,
              r_version = paste(R.version$major, R.version$minor, sep = "."), r_survival = as.character(packageVersion("survival")))

  # ---- fit
  fitb <- list(formula = cs$formula, ties = cs$ties, n = fit$n, events = fit$nevent,
               n_missing = length(dropped), dropped_rows = I(dropped), rows_used = I(rows_used),
               coefficients = coef_rows(fit), loglik = I(num(fit$loglik)),
               lr_test = list(statistic = num(sm$logtest["test"]), df = num(sm$logtest["df"]), p_value = num(sm$logtest["pvalue"])),
               wald_test = test_row(fit$wald.test, sm$waldtest["df"]),
               score_test = test_row(fit$score, sm$sctest["df"]))
  if (robust) fitb$robust_score_test <- test_row(fit$rscore, sm$robscore["df"])
  fitb$concordance <- list(estimate = num(sm$concordance[1]), se = num(sm$concordance[2]))
  fitb$iterations <- fit$iter
  fitb$converged <- length(ff$warnings) == 0
  fitb$iter_max_reached <- fit$iter >= 20
  fitb$warnings <- I(ff$warnings)
  fitb$var <- rowmajor(fit$var)
  if (robust) fitb$naive_var <- rowmajor(fit$naive.var)
  fitb$means <- I(num(fit$means))
  # checks: summary() agrees with the rows; concordance() agrees with summary
  co <- sm$coefficients; ok <- !is.na(co[, "coef"])
  check(all(unname(ok) == !fitb$coefficients$aliased) && close_to(num(co[ok, "coef"]), fitb$coefficients$coef[ok], 1e-12), paste(cs$name, "coef"))
  check(close_to(num(co[, "se(coef)"]), fitb$coefficients$se, 1e-12), paste(cs$name, "se vs summary"))
  check(close_to(num(co[ok, "z"]), fitb$coefficients$z[ok], 1e-10), paste(cs$name, "z vs summary"))
  check(close_to(num(co[ok, "Pr(>|z|)"]), fitb$coefficients$p_value[ok], 1e-10), paste(cs$name, "p vs summary"))
  if (robust) check(close_to(num(co[ok, "robust se"]), fitb$coefficients$robust_se[ok], 1e-12), paste(cs$name, "robust se"))
  check(close_to(num(sm$conf.int[ok, "lower .95"]), fitb$coefficients$hr_lower[ok], 1e-10), paste(cs$name, "hr_lower"))
  cc <- concordance(fit)
  check(close_to(cc$concordance, fitb$concordance$estimate, 1e-12) && close_to(sqrt(cc$var), fitb$concordance$se, 1e-10),
        paste(cs$name, "concordance()"))
  check(abs(round(fit$wald.test, 2) - sm$waldtest["test"]) < 1e-9, paste(cs$name, "wald rounding"))
  res$fit <- fitb

  # cross-check against the shared reference block (same data, same formula)
  if (!is.null(cs$shared_check)) {
    sj <- file.path(dirname(SHARED), "reference", cs$shared_check)
    if (file.exists(sj)) {
      sh <- fromJSON(sj)$cox[[cs$ties]]
      check(close_to(sh$coefficients$coef, fitb$coefficients$coef, 1e-12) && close_to(sh$loglik, fitb$loglik, 1e-12) &&
            close_to(sh$score_test$statistic, fitb$score_test$statistic, 1e-12) &&
            close_to(sh$concordance$estimate, fitb$concordance$estimate, 1e-12),
            paste(cs$name, "matches shared", cs$shared_check))
    }
  }

  # ---- zph
  zz <- quiet(tryCatch(cox.zph(fit), error = function(e) e))
  if (inherits(zz$value, "error")) {
    res$zph <- list(transform = "km", terms = TRUE, error = conditionMessage(zz$value))
  } else {
    z <- zz$value
    res$zph <- list(transform = "km", terms = TRUE, warnings = I(zz$warnings),
                    table = data.frame(term = rownames(z$table), statistic = num(z$table[, "chisq"]), df = num(z$table[, "df"]),
                                       p_value = num(z$table[, "p"]), row.names = NULL))
    if (fit$nevent <= 100) {
      res$zph$zph_terms <- I(colnames(z$y))
      res$zph$zph_time <- I(num(z$time))
      if (!is.null(z$strata)) res$zph$zph_strata <- I(as.character(z$strata))
      res$zph$zph_x <- I(num(z$x))
      res$zph$zph_y <- rowmajor(z$y)
    }
  }

  # ---- residuals (n <= 250)
  if (fit$n <= 250) {
    sch <- residuals(fit, "schoenfeld"); ssch <- residuals(fit, "scaledsch")
    ord <- if (is.null(fit$strata)) order(stime, -status) else order(as.numeric(fit$strata), stime, -status)
    ev_rows <- rows_used[ord][status[ord] == 1]
    sc <- as.matrix(residuals(fit, "score")); dfb <- as.matrix(residuals(fit, "dfbeta"))
    mart <- residuals(fit, "martingale")
    check(length(mart) == fit$n && nrow(as.matrix(sch)) == fit$nevent && length(ev_rows) == fit$nevent, paste(cs$name, "residual sizes"))
    sch_t <- as.numeric(if (is.matrix(sch)) rownames(sch) else names(sch))
    check(close_to(sch_t, stime[ord][status[ord] == 1], 1e-9), paste(cs$name, "schoenfeld order"))
    if (!aliased && length(ff$warnings) == 0)   # score residuals sum (weighted) to ~0 at the MLE
      check(all(abs(colSums(sc * wts)) < 1e-4 * pmax(1, sqrt(diag(solve(fit$var))))), paste(cs$name, "score sums ~ 0"))
    res$residuals <- list(
      terms = I(names(b)), rows = I(rows_used),
      martingale = I(num(mart)), deviance = I(num(residuals(fit, "deviance"))),
      schoenfeld = list(time = I(num(stime[ord][status[ord] == 1])), row = I(ev_rows),
                        strata = if (is.null(fit$strata)) NA else I(strata_values(as.character(fit$strata[ord][status[ord] == 1]), cs$strata)),
                        values = rowmajor(sch)),
      scaledsch = rowmajor(ssch),
      score = rowmajor(sc), dfbeta = rowmajor(dfb))
  }

  # ---- basehaz
  bh <- basehaz(fit, centered = FALSE)
  res$basehaz <- list(centered = FALSE,
                      table = data.frame(time = bh$time, hazard = num(bh$hazard),
                                         strata = if (is.null(bh$strata)) NA else strata_values(as.character(bh$strata), cs$strata)))
  if (is.null(bh$strata)) res$basehaz$table$strata <- NULL

  # ---- survfit for the newdata profiles
  nd <- cs$newdata
  sfq <- quiet(survfit(fit, newdata = nd)); sf <- sfq$value
  ctype <- c(exact = 1, breslow = 1, efron = 2)[[cs$ties]]
  nstr <- if (is.null(sf$strata)) 1 else length(sf$strata)
  sizes <- if (is.null(sf$strata)) length(sf$time) else as.integer(sf$strata)
  snames <- if (is.null(sf$strata)) NA else strata_values(names(sf$strata), cs$strata)
  start <- cumsum(c(0, sizes))
  surv <- as.matrix(sf$surv); se <- as.matrix(sf$std.err); lo <- as.matrix(sf$lower); up <- as.matrix(sf$upper); ch <- as.matrix(sf$cumhaz)
  curves <- list()
  for (j in seq_len(nrow(nd))) for (k in seq_len(nstr)) {
    i <- start[k] + seq_len(sizes[k])
    curves[[length(curves) + 1]] <- list(profile = j, strata = snames[k],
      table = data.frame(time = sf$time[i], n_risk = sf$n.risk[i], n_event = sf$n.event[i], n_censor = sf$n.censor[i],
                         survival = num(surv[i, j]), cumhaz = num(ch[i, j]), std_err = num(surv[i, j] * se[i, j]),
                         std_chaz = num(se[i, j]), lower = num(lo[i, j]), upper = num(up[i, j])))
  }
  # checks: the baseline (all covariates at 0 / reference level) is basehaz; summary()'s std.err is S * std_chaz
  s1 <- summary(sf, censored = TRUE)
  check(close_to(as.numeric(as.matrix(s1$std.err)), as.numeric(surv * se), 1e-10), paste(cs$name, "summary std.err = S * std_chaz"))
  nd2 <- nd   # predict() wants the strata / cluster columns too (they do not enter the linear predictor)
  for (col in c(cs$strata, cs$cluster)) nd2[[col]] <- d[[col]][rows_used[1]]
  lp0 <- predict(fit, newdata = nd2, type = "lp", reference = "zero")
  check(close_to(ch, outer(num(bh$hazard), exp(lp0)), 1e-9), paste(cs$name, "survfit cumhaz = basehaz * exp(lp)"))
  res$survfit <- list(newdata = nd, ctype = ctype, stype = 2, conf_type = "log", conf_level = 0.95, censor = TRUE,
                      warnings = I(sfq$warnings), curves = curves)

  # ---- loglik, score, information at fixed beta (n <= 250, no aliased terms, no cluster)
  if (fit$n <= 250 && !aliased && !robust) {
    bh_ <- unname(b)
    betas <- if (!is.null(cs$betas)) lapply(cs$betas, function(v) rep(v, p)) else list(rep(0, p), bh_ / 2)
    betas <- c(betas, list(bh_))
    rows <- list()
    for (bb in betas) {
      f0 <- fit_model(cs, d, init = bb, iter_max = 0)$value
      U <- colSums(as.matrix(residuals(f0, "score")) * wts)
      info <- solve(f0$var)
      check(close_to(unname(coef(f0)), bb, 1e-14) && f0$iter == 0, paste(cs$name, "init kept"))
      check(close_to(f0$loglik[1], f0$loglik[2], 1e-14), paste(cs$name, "iter 0 loglik"))
      check(close_to(drop(U %*% f0$var %*% U), f0$score, 1e-7), paste(cs$name, "U' V U = score test at init"))
      rows[[length(rows) + 1]] <- list(beta = I(num(bb)), mle = identical(bb, bh_), loglik = num(f0$loglik[2]),
                                       score = I(num(unname(U))), information = rowmajor(info))
    }
    mle <- rows[[length(rows)]]
    check(close_to(mle$loglik, fit$loglik[2], 1e-12), paste(cs$name, "loglik at MLE = fit$loglik[2]"))
    check(close_to(rows[[1]]$loglik, fit$loglik[1], 1e-12) || !all(rows[[1]]$beta == 0), paste(cs$name, "loglik at 0 = fit$loglik[1]"))
    check(close_to(mle$information, solve(fit$var), 1e-8), paste(cs$name, "information at MLE"))
    if (length(ff$warnings) == 0) check(all(abs(mle$score) < 1e-4 * pmax(1, sqrt(diag(mle$information)))), paste(cs$name, "score ~ 0 at MLE"))
    res$loglik_at <- rows
  }

  # ---- closed forms from the book
  if (!is.null(cs$closed_form)) {
    key <- paste0(cs$closed_form, "_", cs$ties); cf <- closed_forms[[key]]
    res$closed_form <- lapply(res$loglik_at, function(r) {
      t <- lapply(cf(as.numeric(r$beta)), as.numeric)
      check(close_to(t$loglik, r$loglik, 1e-10) && close_to(t$u, r$score, 1e-10) && close_to(t$imat, r$information[1, 1], 1e-10),
            paste(key, "closed form at beta", r$beta))
      list(beta = I(as.numeric(r$beta)), loglik = t$loglik, score = I(t$u), information = matrix(t$imat, 1, 1))
    })
    if (!is.null(closed_mle[[key]])) {
      check(abs(unname(b) - closed_mle[[key]]) < 1e-7, paste(key, "MLE closed form"))
      res$closed_form_mle <- closed_mle[[key]]
    }
  }

  writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows", pretty = TRUE),
             file.path(outdir, paste0("cox_", cs$name, ".json")))
  cat(sprintf("wrote cox_%s.json  n=%d events=%d iter=%d warnings=%d\n", cs$name, fit$n, fit$nevent, fit$iter, length(ff$warnings)))
}

for (cs in cases) run_case(cs)
cat("all", n_checks, "checks passed\n")
