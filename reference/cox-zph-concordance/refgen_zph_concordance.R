# Reference values for survkit's ConcordanceIndex and ProportionalHazardsTest, from R survival.
#
# Usage, from /work/main (R 4.2.2, survival 3.5-3, jsonlite 1.8.4):
#   Rscript reference/cox-zph-concordance/refgen_zph_concordance.R reference/cox-zph-concordance
# then copy the output (JSON files and data/) into
#   survkit-stats/src/test/resources/reference/cox-zph-concordance/
# Reads lung, veteran, gbsg from ../shared/datasets (override with SURVKIT_SHARED_DATASETS=DIR) and writes
#   OUTDIR/data/*.csv   the datasets of every case (shared ones copied, derived and synthetic ones written here)
#   OUTDIR/<case>.json  one file per fitted model (layout below)
# Stops at the first failed self-check and ends with "all N checks passed".
#
# JSON layout of <case>.json (numbers with jsonlite's 15 significant digits, R's NA/NaN/Inf as null):
#   case, description, file, start, time, event, event_value, covariates, factors [{column, levels}],
#   strata (column or null), strata_levels, weights, cluster, ties, formula, r_version, r_survival,
#   rows_used      1-based data rows (file order) kept by coxph's na.omit
#   fit            n, events, coef (NA for aliased), loglik, linear_predictors (fit$linear.predictors in rows_used order,
#                  as strings: the shortest decimal that parses back to R's double, so ties in lp survive exactly)
#   concordance    concordance(fit): estimate, se = sqrt(var), var, cvar,
#                  count {concordant, discordant, tied_x, tied_y, tied_xy} (coxph orientation: higher lp = higher risk)
#   zph            list of cox.zph(fit, transform, terms) results: transform, terms, table [{term, chisq, df, p}]
#                  (GLOBAL last), x (transformed times of the events, zph$x), time (zph$time), strata (zph$strata
#                  labels or null), terms_y (column names of y), y (zph$y row-major, NA -> null), var (zph$var)
suppressPackageStartupMessages({library(survival); library(jsonlite)})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(as.character(packageVersion("survival")) == "3.5.3")
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args)) args[1] else "reference/cox-zph-concordance"
SHARED <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
dir.create(file.path(outdir, "data"), showWarnings = FALSE, recursive = TRUE)

n_checks <- 0
check <- function(ok, what) { if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE); n_checks <<- n_checks + 1 }
close_to <- function(a, b, tol = 1e-8) isTRUE(length(a) == length(b) && all(abs(a - b) <= tol * pmax(1, abs(b))))
num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
rowmajor <- function(m) { m <- as.matrix(m); dimnames(m) <- NULL; m[!is.finite(m)] <- NA; m }

# shortest decimal text (15..17 significant digits) that parses back to the same double; NA -> empty cell
fmt <- function(x) vapply(x, function(v) {
  if (is.na(v)) return("")
  v <- v + 0
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  sprintf("%.17g", v)
}, "")
write_set <- function(d, name) {
  for (k in names(d)) if (is.numeric(d[[k]])) d[[k]] <- fmt(d[[k]]) else d[[k]][is.na(d[[k]])] <- ""
  write.csv(d, file.path(outdir, "data", name), row.names = FALSE, quote = FALSE)
}

# ------------------------------------------------------------------ datasets
for (f in c("lung.csv", "veteran.csv", "gbsg.csv")) {
  file.copy(file.path(SHARED, f), file.path(outdir, "data", f), overwrite = TRUE)
  Sys.chmod(file.path(outdir, "data", f), "644")
}
# lung plus a case weight w = 1 + (inst mod 3) (1 where inst is NA) and age2 = 2 * age (aliased with age)
lung <- read.csv(file.path(SHARED, "lung.csv"))
lung$w <- ifelse(is.na(lung$inst), 1, 1 + lung$inst %% 3)
lung$age2 <- 2 * lung$age
write_set(lung, "lung_plus.csv")
# heavy ties: 400 rows, 15 distinct times written two ways (k / 10 and k * 0.1, which differ in the last bit
# for some k, so timefix must merge them), covariates with few values (ties in the linear predictor),
# 3-level factor, 14 sites (more than 10 strata: R's concordance switches to its disjoint-time trick), weights
set.seed(20240607)
n <- 400
k <- sample(1:15, n, replace = TRUE)
tt <- ifelse(runif(n) < 0.5, k / 10, k * 0.1)
ties <- data.frame(time = tt, status = rbinom(n, 1, 0.7), x1 = sample(0:3, n, replace = TRUE),
                   x2 = round(rnorm(n), 1), grp = sample(c("a", "b", "c"), n, replace = TRUE),
                   site = sample(1:14, n, replace = TRUE), w = sample(c(0.5, 1, 1.5, 2, 3), n, replace = TRUE))
check(any(ties$time != round(ties$time, 10)), "ties data has near-equal times")
write_set(ties, "ties.csv")
# Stanford heart transplant, counting process (survival::heart); transplant as 0/1
h <- survival::heart
h$transplant <- as.integer(as.character(h$transplant))
write_set(h[, c("id", "start", "stop", "event", "age", "year", "surgery", "transplant")], "heart.csv")

# ------------------------------------------------------------------ cases
LUNG <- c("age", "sex", "ph.ecog")
VET <- c("trt", "karno", "diagtime", "age", "prior", "celltype")
GBSG <- c("age", "meno", "size", "grade", "nodes", "pgr", "er", "hormon")
TIES <- c("x1", "x2", "grp")
HEART <- c("transplant", "age", "year", "surgery")
Z_KM <- list(list("km", TRUE))
Z_ALL <- list(list("km", TRUE), list("km", FALSE), list("rank", TRUE), list("identity", TRUE), list("log", TRUE))
case <- function(name, description, file, time, event, event_value, covariates, ties = "efron", factors = character(0),
                 strata = NULL, weights = NULL, cluster = NULL, start = NULL, zph = Z_KM)
  list(name = name, description = description, file = file, time = time, event = event, event_value = event_value,
       covariates = covariates, ties = ties, factors = factors, strata = strata, weights = weights, cluster = cluster,
       start = start, zph = zph)
cases <- list(
  case("lung_efron", "lung, age + sex + ph.ecog, Efron; zph with every transform", "lung.csv", "time", "status", 2, LUNG, zph = Z_ALL),
  case("lung_breslow", "lung, age + sex + ph.ecog, Breslow", "lung.csv", "time", "status", 2, LUNG, ties = "breslow",
       zph = list(list("km", TRUE), list("rank", TRUE))),
  case("veteran_efron", "veteran, celltype a factor (3 columns, one zph term with df 3)", "veteran.csv", "time", "status", 1, VET,
       factors = "celltype", zph = list(list("km", TRUE), list("km", FALSE), list("identity", TRUE))),
  case("gbsg_efron", "gbsg, 8 covariates", "gbsg.csv", "rfstime", "status", 1, GBSG),
  case("gbsg_breslow", "gbsg, 8 covariates, Breslow", "gbsg.csv", "rfstime", "status", 1, GBSG, ties = "breslow"),
  case("lung_strata_efron", "lung, age + ph.ecog + strata(sex)", "lung.csv", "time", "status", 2, c("age", "ph.ecog"),
       strata = "sex", zph = list(list("km", TRUE), list("identity", TRUE))),
  case("lung_strata_breslow", "lung, age + ph.ecog + strata(sex), Breslow", "lung.csv", "time", "status", 2, c("age", "ph.ecog"),
       strata = "sex", ties = "breslow"),
  case("lung_weights_efron", "lung with case weights w = 1 + inst %% 3", "lung_plus.csv", "time", "status", 2, LUNG, weights = "w"),
  case("lung_cluster_efron", "lung with cluster(inst): the concordance se sums the influence within clusters", "lung.csv", "time",
       "status", 2, LUNG, cluster = "inst"),
  case("lung_aliased_efron", "lung with age2 = 2 * age: age2 aliased (NA), dropped by cox.zph", "lung_plus.csv", "time", "status", 2,
       c(LUNG, "age2")),
  case("ties_efron", "400 rows, 15 distinct times (near-equal duplicates merged by timefix), ties in lp", "ties.csv", "time",
       "status", 1, TIES, factors = "grp", zph = list(list("km", TRUE), list("km", FALSE), list("rank", TRUE))),
  case("ties_breslow", "ties data, Breslow", "ties.csv", "time", "status", 1, TIES, factors = "grp", ties = "breslow"),
  case("ties_weights_efron", "ties data with case weights", "ties.csv", "time", "status", 1, TIES, factors = "grp", weights = "w",
       zph = list(list("km", TRUE), list("log", TRUE))),
  case("ties_strata_efron", "ties data, strata(site) with 14 strata", "ties.csv", "time", "status", 1, TIES, factors = "grp",
       strata = "site"),
  case("ties_strata_weights_breslow", "ties data, strata(site), weights, Breslow", "ties.csv", "time", "status", 1, TIES,
       factors = "grp", strata = "site", weights = "w", ties = "breslow"),
  case("heart_efron", "Stanford heart, Surv(start, stop, event) ~ transplant + age + year + surgery", "heart.csv", "stop", "event", 1,
       HEART, start = "start", zph = list(list("km", TRUE), list("rank", TRUE))),
  case("heart_breslow", "Stanford heart, counting process, Breslow", "heart.csv", "stop", "event", 1, HEART, start = "start",
       ties = "breslow"),
  case("heart_strata_efron", "Stanford heart, counting process, transplant + age + year + strata(surgery)", "heart.csv", "stop",
       "event", 1, c("transplant", "age", "year"), start = "start", strata = "surgery")
)

# ------------------------------------------------------------------ one case
run_case <- function(cs) {
  d <- read.csv(file.path(outdir, "data", cs$file), stringsAsFactors = FALSE, na.strings = c("", "NA"))
  factors <- list()
  for (col in cs$factors) {
    d[[col]] <- factor(d[[col]])
    factors[[length(factors) + 1]] <- list(column = col, levels = I(levels(d[[col]])))
  }
  # cox.zph in survival 3.5-3 fails on integer case weights ("REAL() can only be applied to a 'numeric'"): use doubles
  if (!is.null(cs$weights)) d[[cs$weights]] <- as.double(d[[cs$weights]])
  ev <- sprintf("%s == %s", cs$event, cs$event_value)
  lhs <- if (is.null(cs$start)) sprintf("Surv(%s, %s)", cs$time, ev) else sprintf("Surv(%s, %s, %s)", cs$start, cs$time, ev)
  rhs <- c(cs$covariates, if (!is.null(cs$strata)) sprintf("strata(%s)", cs$strata),
           if (!is.null(cs$cluster)) sprintf("cluster(%s)", cs$cluster))
  formula <- paste(lhs, "~", paste(rhs, collapse = " + "))
  call <- bquote(coxph(.(as.formula(formula)), data = d, ties = .(cs$ties), x = TRUE, y = TRUE, model = TRUE))
  if (!is.null(cs$weights)) call$weights <- as.name(cs$weights)
  fit <- eval(call)
  dropped <- if (is.null(fit$na.action)) integer(0) else sort(as.integer(fit$na.action))
  rows_used <- setdiff(seq_len(nrow(d)), dropped)
  check(length(rows_used) == fit$n, paste(cs$name, "rows"))
  strata_levels <- if (is.null(cs$strata)) NULL else sub(paste0("^", cs$strata, "="), "", levels(fit$strata))

  # concordance: concordance(fit) is what summary(fit) shows; cross-check with the fit's own and with
  # concordancefit on the raw pieces (weights, strata, cluster as coxph passes them)
  cc <- concordance(fit)
  sm <- summary(fit)
  check(close_to(cc$concordance, unname(sm$concordance[1]), 1e-12) && close_to(sqrt(cc$var), unname(sm$concordance[2]), 1e-12),
        paste(cs$name, "concordance() = summary()"))
  wts <- if (is.null(cs$weights)) NULL else d[[cs$weights]][rows_used]
  cl <- if (is.null(cs$cluster)) NULL else d[[cs$cluster]][rows_used]
  st <- if (is.null(cs$strata)) NULL else d[[cs$strata]][rows_used]
  cf <- concordancefit(fit$y, fit$linear.predictors, st, wts, cluster = cl, reverse = TRUE, timefix = FALSE, keepstrata = TRUE)
  check(close_to(cf$concordance, cc$concordance, 1e-12) && close_to(cf$var, cc$var, 1e-10),
        paste(cs$name, "concordancefit(keepstrata = TRUE) = concordance(fit)"))
  cnt <- if (is.matrix(cc$count)) colSums(cc$count) else cc$count
  conc <- list(estimate = cc$concordance, se = sqrt(cc$var), var = cc$var, cvar = cc$cvar,
               count = list(concordant = cnt[["concordant"]], discordant = cnt[["discordant"]], tied_x = cnt[["tied.x"]],
                            tied_y = cnt[["tied.y"]], tied_xy = cnt[["tied.xy"]]))

  zph <- lapply(cs$zph, function(z) {
    r <- cox.zph(fit, transform = z[[1]], terms = z[[2]])
    tb <- r$table
    list(transform = z[[1]], terms = z[[2]],
         table = data.frame(term = rownames(tb), chisq = num(tb[, "chisq"]), df = num(tb[, "df"]), p = num(tb[, "p"]),
                            row.names = NULL),
         x = I(num(r$x)), time = I(num(r$time)),
         strata = if (is.null(r$strata)) NULL else I(sub(paste0("^", cs$strata, "="), "", as.character(r$strata))),
         terms_y = I(colnames(r$y)), y = rowmajor(r$y), var = rowmajor(r$var))
  })

  res <- list(case = cs$name, description = cs$description, file = cs$file, start = cs$start, time = cs$time, event = cs$event,
              event_value = cs$event_value, covariates = I(cs$covariates), factors = factors, strata = cs$strata,
              strata_levels = if (is.null(strata_levels)) NULL else I(strata_levels), weights = cs$weights,
              cluster = cs$cluster, ties = cs$ties, formula = formula,
              r_version = paste(R.version$major, R.version$minor, sep = "."),
              r_survival = as.character(packageVersion("survival")),
              rows_used = I(rows_used),
              fit = list(n = fit$n, events = fit$nevent, coef = I(num(coef(fit))), coef_names = I(names(coef(fit))),
                         loglik = I(num(fit$loglik)),
                         linear_predictors = I(fmt(fit$linear.predictors))),
              concordance = conc, zph = zph)
  res <- res[!vapply(res, is.null, TRUE)]
  writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows", pretty = TRUE, null = "null"),
             file.path(outdir, paste0(cs$name, ".json")))
  cat(sprintf("wrote %s.json  n=%d events=%d C=%.6f se=%.6f global=%.4f\n", cs$name, fit$n, fit$nevent, cc$concordance,
              sqrt(cc$var), zph[[1]]$table$chisq[nrow(zph[[1]]$table)]))
}

for (cs in cases) run_case(cs)
cat("all", n_checks, "checks passed\n")
