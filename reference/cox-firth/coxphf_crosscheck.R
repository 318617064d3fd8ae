# Optional cross-check of the independent reference values (refgen_cox_firth.R) against coxphf itself,
# for the cases coxphf can fit (Breslow ties, no strata, no case weights). coxphf is not packaged for
# Debian; this was run with coxphf 1.13.4 built from its CRAN source into a private library:
#   R CMD INSTALL -l /tmp/rlib <coxphf 1.13.4 source>      (needs gfortran)
#   R_LIBS=/tmp/rlib Rscript reference/cox-firth/coxphf_crosscheck.R survkit-stats/src/test/resources/reference/cox-firth
# Reads OUTDIR/firth_<case>.json and OUTDIR/data/*.csv, writes OUTDIR/coxphf_<case>.json (coxphf's own
# numbers, committed so the Java tests can compare with them without coxphf) and prints the largest
# differences. Stops when coxphf and the independent values differ by more than coxphf's convergence
# precision allows (1e-6 relative for coefficients and limits, 1e-5 for chi-squares).
#
# Conventions of coxphf found here (and matched by survkit):
#   * var = inverse of the UNPENALIZED information at the penalized estimate;
#   * loglik = c(l*(0), l*(hat)) with the penalty on covariates scaled by their sample SD, so that
#     coxphf's loglik = l*(original scale) - sum_j log(sd_j); 2*diff(loglik) and the tests are unaffected;
#   * per-coefficient chi-square = 2 [l*(hat) - l*(beta_j = 0, others refitted)] (coxphftest(test = ~x_j)).
suppressPackageStartupMessages({library(survival); library(coxphf); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args)) args[1] else "survkit-stats/src/test/resources/reference/cox-firth"
worst <- 0

for (case in c("receptor43", "receptor43_age", "separation2", "lung", "test2", "breast")) {
  ref <- fromJSON(file.path(outdir, paste0("firth_", case, ".json")), simplifyVector = FALSE)
  d <- read.csv(file.path(outdir, "data", ref$file))
  keep <- complete.cases(d[, unlist(c(ref$start, ref$stop, ref$event, ref$terms))])
  d <- d[keep, ]
  # numeric columns named v1..vp for coxphf (treatment dummies for factors, as in the reference)
  terms <- vapply(ref$coefficients, function(c) c$term, "")
  X <- sapply(terms, function(t) {
    if (grepl("=", t, fixed = TRUE)) { s <- strsplit(t, "=", fixed = TRUE)[[1]]; as.numeric(d[[s[1]]] == s[2]) }
    else as.numeric(d[[t]])
  })
  X <- matrix(X, nrow = nrow(d))
  cd <- data.frame(X)
  names(cd) <- paste0("v", seq_along(terms))
  cd$status <- as.numeric(d[[ref$event]] == ref$event_value)
  cd$stop <- d[[ref$stop]]
  lhs <- if (is.null(ref$start)) "Surv(stop, status)" else { cd$start <- d[[ref$start]]; "Surv(start, stop, status)" }
  f <- as.formula(paste(lhs, "~", paste(names(cd)[seq_along(terms)], collapse = " + ")))
  fit <- coxphf(f, data = cd)
  chisq <- vapply(seq_along(terms), function(j) {
    t <- coxphftest(f, data = cd, test = as.formula(paste("~", names(cd)[j])))
    2 * diff(t$loglik)
  }, 0)
  shift <- sum(log(apply(X, 2, sd)))
  out <- list(case = case, coxphf = as.character(packageVersion("coxphf")), call = deparse(f),
              terms = I(terms), coef = I(unname(fit$coefficients)), var = unname(fit$var),
              loglik = fit$loglik, loglik_shift = shift,
              lower = I(unname(log(fit$ci.lower))), upper = I(unname(log(fit$ci.upper))), chisq = I(chisq),
              p_value = I(unname(fit$prob)), iter = fit$iter, iter_ci = unname(fit$iter.ci))
  writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(outdir, paste0("coxphf_", case, ".json")))

  rel <- function(a, b) max(abs(a - b) / pmax(1, abs(b)))
  r_coef <- vapply(ref$coefficients, function(c) c$coef, 0)
  r_lo <- vapply(ref$coefficients, function(c) c$lower, 0)
  r_up <- vapply(ref$coefficients, function(c) c$upper, 0)
  r_chi <- vapply(ref$coefficients, function(c) c$chisq, 0)
  r_var <- matrix(unlist(ref$var), length(terms), byrow = TRUE)
  diffs <- c(coef = rel(out$coef, r_coef), var = rel(out$var, r_var), lower = rel(out$lower, r_lo),
             upper = rel(out$upper, r_up), chisq = rel(chisq, r_chi),
             loglik = rel(out$loglik + shift, unlist(ref$loglik)))
  cat(sprintf("%-15s coxphf iter %2d | max rel diff: %s\n", case, fit$iter,
              paste(names(diffs), formatC(diffs, format = "e", digits = 1), collapse = "  ")))
  if (any(diffs[c("coef", "lower", "upper", "var", "loglik")] > 1e-6) || diffs["chisq"] > 1e-5)
    stop("coxphf and the independent reference disagree for ", case)
  worst <- max(worst, diffs)
}
cat("coxphf", as.character(packageVersion("coxphf")), "agrees with the independent reference; largest relative difference",
    format(worst, digits = 2), "\n")
