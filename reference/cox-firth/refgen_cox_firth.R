# Reference values for Firth's penalized Cox regression (survkit FirthCoxRegression), computed
# independently of survkit and of coxphf from the DEFINITION of the penalized partial likelihood
#
#     l*(beta) = l(beta) + 1/2 log det I(beta)
#
# where l is the Breslow (or Efron) log partial likelihood and I its information matrix, both taken
# from R survival at a FIXED beta (coxph.fit / agreg.fit with init = beta, iter.max = 0: loglik[2]
# is l(beta) and var is I(beta)^-1). Nothing here uses survkit's or coxphf's iteration or formulas:
#   * the maximum is found by optim(BFGS) on l*, with gradients and Hessians by numerical
#     differentiation (numDeriv, Richardson extrapolation), then polished by Newton steps until the
#     numerical gradient is below 1e-9;
#   * profile penalized-likelihood limits solve 2 [l*(hat) - max_{others} l*(beta_j = b)] = qchisq(.95, 1)
#     by uniroot (tol 1e-11) on b, each profile point being such an inner maximization;
#   * penalized likelihood-ratio p-values: chi2 = 2 [l*(hat) - max_{others} l*(beta_j = 0)] on 1 df;
#   * the overall test: 2 [l*(hat) - l*(0)] on p df (coxphf's "Likelihood ratio test").
# All penalized log-likelihoods are on the covariates' ORIGINAL scale. coxphf standardizes each
# column by its sample SD first, so its reported loglik is l* - sum_j log(sd_j); tests and intervals
# are the same (see reference/cox-firth/README.md).
#
# Usage, from /work/main (R 4.2.2, survival 3.5-3, numDeriv 2016.8-1.1, jsonlite 1.8.4):
#   Rscript reference/cox-firth/refgen_cox_firth.R survkit-stats/src/test/resources/reference/cox-firth
# Writes the datasets to reference/cox-firth/data/ (deterministic) and copies them to OUTDIR/data/,
# then OUTDIR/firth_<case>.json. Reads lung from ../shared/datasets (SURVKIT_SHARED_DATASETS=DIR).
# Stops at the first failed check; ends with "all N checks passed". Takes about a minute.
suppressPackageStartupMessages({library(survival); library(numDeriv); library(jsonlite)})
invisible(Sys.setlocale("LC_COLLATE", "C"))
stopifnot(as.character(packageVersion("survival")) == "3.5.3")
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args)) args[1] else "survkit-stats/src/test/resources/reference/cox-firth"
SHARED <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
DATA <- "reference/cox-firth/data"
dir.create(DATA, showWarnings = FALSE, recursive = TRUE)
dir.create(file.path(outdir, "data"), showWarnings = FALSE, recursive = TRUE)

n_checks <- 0
check <- function(ok, what) { if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE); n_checks <<- n_checks + 1 }
fmt <- function(x) vapply(x, function(v) {
  if (is.na(v)) return("")
  v <- v + 0
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  sprintf("%.17g", v)
}, "")
write_set <- function(d, name) {
  for (k in names(d)) if (is.numeric(d[[k]])) d[[k]] <- fmt(d[[k]]) else d[[k]][is.na(d[[k]])] <- ""
  write.csv(d, file.path(DATA, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}

# ------------------------------------------------------------------------------------ datasets
# (1) receptor43: a small clinical cohort, 43 patients in three receptor groups A/B/C of 15/14/14;
#     group C has no deaths (all censored), so the ordinary Cox coefficient of receptor=C runs to
#     -infinity. Integer months (ties among deaths), uniform censoring 12..60 months, age ~ N(60, 10).
set.seed(20240605)
grp <- rep(c("A", "B", "C"), c(15, 14, 14))
ev <- rexp(43, c(A = 1 / 30, B = 1 / 80, C = 1 / 400)[grp])
ce <- runif(43, 12, 60)
r43 <- data.frame(id = 1:43, time = ceiling(pmin(ev, ce)), status = as.integer(ev <= ce), receptor = grp,
                  age = round(rnorm(43, 60, 10)))
r43$status[r43$receptor == "C"] <- 0L
write_set(r43, "receptor43")

# (2) separation2: two groups of 10; every death in group x = 1 (times 2..11) happens while x = 1 is
#     the largest value at risk, and group x = 0 dies only after the last x = 1 subject has left:
#     complete separation, the ordinary MLE of x is +infinity. Hand-made, no tied deaths.
write_set(data.frame(
  time   = c(2, 3, 4, 5, 6, 7, 8, 9, 11, 12,   1, 3, 6, 10, 13, 14, 15, 16, 18, 20),
  status = c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0,     0, 0, 0, 0, 1, 1, 0, 1, 1, 0),
  x      = c(rep(1, 10), rep(0, 10))), "separation2")

# (3) lung (survival::lung via the shared CSV): finite MLE. w = 1 + (inst mod 3) (1 when inst is NA)
#     is a deterministic case weight for the weighted/stratified extension case.
lung <- read.csv(file.path(SHARED, "lung.csv"))
lung_f <- data.frame(time = lung$time, status = lung$status, age = lung$age, sex = lung$sex,
                     ph.ecog = lung$ph.ecog, w = ifelse(is.na(lung$inst), 1, 1 + lung$inst %% 3))
write_set(lung_f, "lung_firth")

# (4) test2: Therneau & Grambsch's counting-process data set 2 (also an example in coxphf's help).
write_set(data.frame(start = c(1, 2, 5, 2, 1, 7, 3, 4, 8, 8), stop = c(2, 3, 6, 7, 8, 9, 9, 9, 14, 17),
                     event = c(1, 1, 1, 1, 1, 1, 1, 0, 0, 0), x = c(1, 0, 0, 1, 0, 1, 1, 1, 0, 0)), "test2")

# (5) breast: the data of Heinze & Schemper (2001), as shipped with coxphf 1.13.4 (data/breast.rda,
#     100 patients; T, N, G, CD binary; G = 0 has 26 patients and no deaths). data/breast.csv is
#     committed as read from coxphf, with an added row number `pat`; it is not regenerated here.
stopifnot(file.exists(file.path(DATA, "breast.csv")))

# ------------------------------------------------------------------------------------ machinery
design <- function(d, terms, factors) {
  cols <- list(); names <- character()
  for (t in terms) {
    if (t %in% factors) {
      lv <- sort(unique(as.character(d[[t]])))
      for (l in lv[-1]) { cols[[length(cols) + 1]] <- as.numeric(d[[t]] == l); names <- c(names, paste0(t, "=", l)) }
    } else { cols[[length(cols) + 1]] <- as.numeric(d[[t]]); names <- c(names, t) }
  }
  X <- do.call(cbind, cols); colnames(X) <- names; storage.mode(X) <- "double"; X
}

# l(beta) and I(beta)^-1 from survival at a fixed beta
fixed_fit <- function(X, y, strata, weights, ties) function(beta) {
  ctl <- coxph.control(iter.max = 0)
  f <- if (ncol(y) == 3)
    agreg.fit(X, y, strata, offset = NULL, init = beta, control = ctl, weights = weights, method = ties, rownames = NULL)
  else coxph.fit(X, y, strata, offset = NULL, init = beta, control = ctl, weights = weights, method = ties, rownames = NULL)
  list(loglik = f$loglik[2], var = f$var)
}

# numerical derivatives with an absolute step (Richardson extrapolation over 4 halvings): numDeriv's
# default relative step becomes tiny, and noisy, for a coefficient near (but not at) zero. Steps
# 1e-3 (gradient) and 1e-2 (Hessian) keep rounding error below 1e-9 and 1e-6 respectively.
grad <- function(f, x) numDeriv::grad(f, x, method.args = list(eps = 1e-3, d = 0, zero.tol = Inf, r = 4, v = 2))
hessian <- function(f, x) numDeriv::hessian(f, x, method.args = list(eps = 1e-2, d = 0, zero.tol = Inf, r = 4, v = 2))

# maximize fn over the components `free` of its argument, the others held at start[-free]
maximize <- function(fn, start, free = seq_along(start)) {
  if (length(free) == 0) return(list(par = start, value = fn(start), grad = numeric()))
  g <- function(b) { full <- start; full[free] <- b; fn(full) }
  o <- suppressWarnings(optim(start[free], function(b) -g(b), function(b) -grad(g, b), method = "BFGS",
                              control = list(reltol = 1e-15, maxit = 2000)))
  b <- o$par; val <- g(b)
  for (it in 1:50) {
    gr <- grad(g, b)
    if (max(abs(gr)) < 1e-9) break
    step <- -solve(hessian(g, b), gr)
    for (h in 0:30) { nb <- b + step / 2^h; nv <- g(nb); if (is.finite(nv) && nv >= val - 1e-12) break }
    b <- nb; val <- nv
  }
  gr <- grad(g, b)
  if (max(abs(gr)) > 1e-8) cat("  note: |grad| =", format(max(abs(gr))), "at", format(start), "free", free, "\n")
  check(max(abs(gr)) < 1e-6, paste("inner maximum found, |grad| =", max(abs(gr))))
  full <- start; full[free] <- b
  list(par = full, value = val, grad = gr)
}

run_case <- function(name, description, file, d, terms, factors = character(), ties = "breslow",
                     start = NULL, stop = "time", event = "status", event_value = 1, strata = NULL,
                     weights = NULL, conf_level = 0.95, extension = NULL) {
  cat("case", name, "\n")
  keep <- complete.cases(d[, c(start, stop, event, terms, strata, weights)])
  dd <- d[keep, ]
  X <- design(dd, terms, factors)
  p <- ncol(X)
  st <- as.numeric(dd[[event]] == event_value)
  y <- if (is.null(start)) Surv(dd[[stop]], st) else Surv(dd[[start]], dd[[stop]], st)
  sv <- if (is.null(strata)) NULL else as.integer(factor(dd[[strata]]))
  wv <- if (is.null(weights)) NULL else as.numeric(dd[[weights]])
  at <- fixed_fit(X, y, sv, wv, ties)
  pen <- function(beta) {
    e <- at(beta)
    if (!is.finite(e$loglik) || any(!is.finite(e$var))) return(-Inf)
    ld <- determinant(e$var, logarithm = TRUE)
    if (ld$sign <= 0) return(-Inf)
    e$loglik - 0.5 * as.numeric(ld$modulus)
  }
  # ordinary Cox fit for comparison (may diverge: that is the point of several cases)
  warn <- character()
  mle <- withCallingHandlers(
    coxph(if (is.null(start)) Surv(dd[[stop]], st) ~ X else Surv(dd[[start]], dd[[stop]], st) ~ X,
          ties = ties, weights = wv),
    warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  if (!is.null(sv)) {
    warn <- character()
    mle <- withCallingHandlers(coxph(y ~ X + strata(sv), ties = ties, weights = wv),
      warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  }

  # optimize over standardized coefficients g = beta * sd(x) so that steps are comparable
  sdv <- apply(X, 2, sd)
  pen_std <- function(g) pen(g / sdv)
  fit <- maximize(pen_std, rep(0, p))
  est <- fit$par / sdv; lmax <- fit$value
  e_hat <- at(est)
  V <- e_hat$var
  se <- sqrt(diag(V))
  # the variance is the inverse information at the penalized estimate (as coxphf's `var`):
  # check it against a numerical Hessian of the unpenalized l
  Hn <- hessian(function(b) at(b)$loglik, est)
  check(max(abs(-Hn - solve(V))) < 1e-6 * max(abs(solve(V))), paste(name, "var = inverse information", format(max(abs(-Hn - solve(V))))))

  q <- qchisq(conf_level, 1)
  profile <- function(j, b) maximize(pen_std, replace(est, j, b) * sdv, setdiff(seq_len(p), j))$value
  lower <- upper <- chisq <- numeric(p)
  for (j in seq_len(p)) {
    h <- function(b) 2 * (lmax - profile(j, b)) - q
    lim <- c(NA, NA)
    for (side in c(-1, 1)) {
      dist <- se[j]
      repeat { b <- est[j] + side * dist; if (h(b) > 0) break; dist <- 2 * dist; check(dist < 1e3, "bracket") }
      r <- uniroot(h, sort(c(est[j], b)), tol = 1e-11, maxiter = 200)
      check(abs(r$f.root) < 1e-6, paste(name, "profile limit solves the equation"))
      lim[(side + 3) / 2] <- r$root
    }
    lower[j] <- lim[1]; upper[j] <- lim[2]
    chisq[j] <- max(0, 2 * (lmax - profile(j, 0)))
  }
  l0 <- pen(rep(0, p))
  lr <- 2 * (lmax - l0)

  # pointwise values for the evaluator: at 0, at the estimate, and at an arbitrary point
  pts <- list(rep(0, p), est, est + 0.3 * se * rep(c(1, -1), length.out = p))
  loglik_at <- lapply(pts, function(b) {
    e <- at(b)
    list(beta = I(b), loglik = e$loglik, penalty = -0.5 * as.numeric(determinant(e$var)$modulus), penalized = pen(b),
         score = I(grad(function(z) at(z)$loglik, b)), penalized_score = I(grad(pen, b)),
         information = unname(solve(e$var)))
  })
  for (a in loglik_at) check(abs(a$penalized - a$loglik - a$penalty) < 1e-9, "penalized = loglik + penalty")

  out <- list(
    case = name, description = description, file = file, start = start, stop = stop, event = event,
    event_value = event_value, terms = I(terms), factors = I(factors), strata = strata, weights = weights,
    ties = ties, conf_level = conf_level, extension = extension,
    r_version = R.version.string, r_survival = as.character(packageVersion("survival")),
    r_numDeriv = as.character(packageVersion("numDeriv")),
    method = "independent: optim/numDeriv maximization of l + 1/2 log det I from survival at fixed beta; uniroot profile limits",
    n = nrow(dd), events = sum(st),
    coefficients = lapply(seq_len(p), function(j) list(
      term = colnames(X)[j], coef = est[j], se = se[j], hr = exp(est[j]), lower = lower[j], upper = upper[j],
      hr_lower = exp(lower[j]), hr_upper = exp(upper[j]), chisq = chisq[j],
      p_value = pchisq(chisq[j], 1, lower.tail = FALSE))),
    var = unname(V), loglik = c(l0, lmax), loglik_partial = e_hat$loglik,
    lr_test = list(statistic = lr, df = p, p_value = pchisq(lr, p, lower.tail = FALSE)),
    gradient_at_estimate = I(fit$grad * sdv),
    column_sd = I(unname(sdv)),
    mle = list(coef = I(unname(coef(mle))), se = I(unname(sqrt(diag(mle$var)))), loglik = mle$loglik,
               iterations = mle$iter, warnings = I(warn)),
    loglik_at = loglik_at)
  path <- file.path(outdir, paste0("firth_", name, ".json"))
  writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = TRUE), path)
  invisible(out)
}

# ------------------------------------------------------------------------------------ cases
r <- run_case("receptor43", "43 patients, receptor groups A/B/C (15/14/14), no deaths in C: ordinary Cox diverges",
              "receptor43.csv", r43, "receptor", factors = "receptor")
check(r$coefficients[[2]]$coef < -1 && is.finite(r$coefficients[[2]]$upper), "receptor43: receptor=C finite, negative")
check(r$mle$coef[2] < -10 && length(r$mle$warnings) > 0, "receptor43: ordinary Cox diverges for receptor=C")
run_case("receptor43_efron", "receptor43 with Efron ties (extension: coxphf has Breslow only)",
         "receptor43.csv", r43, "receptor", factors = "receptor", ties = "efron", extension = "efron")
run_case("receptor43_age", "receptor43, receptor + age", "receptor43.csv", r43, c("receptor", "age"), factors = "receptor")

s <- run_case("separation2", "two groups, complete separation: ordinary Cox MLE is +infinity",
              "separation2.csv", read.csv(file.path(DATA, "separation2.csv")), "x")
check(s$mle$coef[1] > 10, "separation2: ordinary Cox diverges")

lf <- read.csv(file.path(DATA, "lung_firth.csv"))
l <- run_case("lung", "lung, age + sex: finite MLE, the Firth estimate is close to it",
              "lung_firth.csv", lf, c("age", "sex"), event_value = 2)
for (j in 1:2) {
  check(abs(l$coefficients[[j]]$coef) < abs(l$mle$coef[j]), "lung: Firth shrinks towards 0")
  check(abs(l$coefficients[[j]]$coef - l$mle$coef[j]) < 0.05 * l$mle$se[j], "lung: Firth close to the MLE")
}
run_case("lung_efron", "lung, age + sex, Efron ties (extension)", "lung_firth.csv", lf, c("age", "sex"),
         event_value = 2, ties = "efron", extension = "efron")
run_case("lung_strata_weights", "lung, age + ph.ecog, strata(sex), case weights w (extension)", "lung_firth.csv", lf,
         c("age", "ph.ecog"), event_value = 2, strata = "sex", weights = "w", extension = "strata, weights")

run_case("test2", "T&G counting-process data set 2 (coxphf help example)", "test2.csv",
         read.csv(file.path(DATA, "test2.csv")), "x", start = "start", stop = "stop", event = "event")

b <- run_case("breast", "Heinze & Schemper (2001) breast cancer data, T + N + G + CD; G = 0 has no deaths",
              "breast.csv", read.csv(file.path(DATA, "breast.csv")), c("T", "N", "G", "CD"),
              stop = "TIME", event = "CENS")
check(b$mle$coef[3] > 10, "breast: ordinary Cox diverges for G")

for (f in list.files(DATA, pattern = "\\.csv$")) file.copy(file.path(DATA, f), file.path(outdir, "data", f), overwrite = TRUE)
cat("all", n_checks, "checks passed\n")
