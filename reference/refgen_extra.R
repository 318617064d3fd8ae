# Extra reference values from R survival for survkit's Kaplan-Meier and log-rank-family tests.
#
# Usage, from /work/main (R 4.2.2, survival 3.5-3, jsonlite):
#   Rscript reference/refgen_extra.R survkit-stats/src/test/resources/reference/extra reference/cases_extra.R
# The shared datasets are read from ../shared/datasets (override with SURVKIT_SHARED_DATASETS=DIR);
# the synthetic ones from reference/data (made by reference/make_extra_data.R). Every dataset a case
# uses is copied to OUTDIR/data/, and each case is written to OUTDIR/<name>.json.
#
# CASES.R defines `cases`, a list of lists with
#   name, description, file, time, event, event_value, group (NULL = one curve), strata (optional),
#   at (times for the `at` table), tau (one or more RMST horizons; the first fills `rmst`),
#   band_probes (optional TRUE: extra quantile probabilities that put a CI band exactly on 1 - p),
#   drop_checks (optional list of group sets: survdiff with those groups removed, see `checks`).
#
# Shape: the blocks of shared/tools/refgen.R (km, compare, pairwise_logrank, stratified_logrank) keep
# their keys, so one Java harness reads both; the new blocks are described in reference/README.md.
# Conventions:
# - Every statistic applies R's timefix (aeqSurv) to the data it is computed on, as survfit, survdiff
#   and coxph do: pairwise tests re-apply it to the two-group subset.
# - Group levels are sorted in the C locale, numerically when every group label is a number
#   ("1" < "2" < "10"); the order is written as `levels`. It fixes the reference group of
#   `hazard_ratio` and the rank scores of `trend`.
# - Weighted log-rank statistics: at each distinct death time t (pooled over groups within a stratum)
#   with n at risk, d deaths, n_j at risk and d_j deaths in group j and weight w(t),
#     U_j = sum_t w (d_j - d n_j / n),
#     V_jl = sum_t w^2 d (n - d) / (n - 1) (n_j / n) (1[j = l] - n_l / n),
#   chi-square = U' V^- U over the groups with expected deaths > 0 minus one (survdiff's rule, so
#   df = #{groups with E_j > 0} - 1; a group never at risk at a death drops out; df = 0 gives
#   statistic 0 and p = pchisq(0, 0, lower.tail = FALSE) = 1 as survdiff does).
#   Weights: logrank 1; gehan n; tarone sqrt(n); peto S(t-); fhRG S(t-)^rho (1 - S(t-))^gamma
#   with fh01, fh10 (= peto), fh11, fh05_2 (rho 0.5, gamma 2). S(t-) is the pooled Kaplan-Meier
#   just before t of the data being tested (within the stratum for stratified tests).
#   `observed` / `expected` in `groups` are always the UNWEIGHTED O_j and E_j (as refgen.R);
#   survdiff(rho != 0)$obs/$exp are weighted sums instead.
suppressPackageStartupMessages({library(survival); library(jsonlite)})
invisible(Sys.setlocale("LC_COLLATE", "C"))
args <- commandArgs(trailingOnly = TRUE)
outdir <- args[1]; source(args[2])
dir.create(file.path(outdir, "data"), showWarnings = FALSE, recursive = TRUE)

CONF_TYPES <- c("log-log", "log", "plain")
WEIGHTS <- c("logrank", "gehan", "tarone", "peto", "fh01", "fh10", "fh11", "fh05_2")
STRAT_WEIGHTS <- c("logrank", "gehan", "tarone", "peto", "fh11")
PROBS <- c(0.25, 0.5, 0.75)
TOL <- sqrt(.Machine$double.eps)     # R's timefix and quantile tolerance
num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
close_to <- function(a, b, tol = 1e-9) isTRUE(all(abs(a - b) <= tol * pmax(1, abs(b))))
check <- function(ok, what) if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE)
n_checks <- 0
check_close <- function(a, b, what, tol = 1e-9) { check(close_to(a, b, tol), what); n_checks <<- n_checks + 1 }

sorted_levels <- function(g) {
  u <- unique(g); x <- suppressWarnings(as.numeric(u))
  if (all(!is.na(x))) u[order(x)] else sort(u, method = "radix")
}
# survdiff warns "NaNs produced" when no group has a death (its df is then -1 and its p NaN)
quiet_survdiff <- function(formula, data, rho = 0) withCallingHandlers(survdiff(formula, data = data, rho = rho), warning = function(w)
  if (grepl("NaNs produced", conditionMessage(w))) invokeRestart("muffleWarning"))
timefix <- function(t, s) as.numeric(unclass(aeqSurv(Surv(t, s)))[, 1])

# ---------------------------------------------------------------- Kaplan-Meier
km_groups <- function(fit, at, taus, band_probes) {
  groups <- if (is.null(fit$strata)) "all" else sub("^g=", "", names(fit$strata))
  tabs <- lapply(taus, function(tau) { x <- summary(fit, rmean = tau)$table; if (is.null(dim(x))) t(as.matrix(x)) else x })
  tab <- tabs[[1]]
  lapply(seq_along(groups), function(i) {
    fi <- if (is.null(fit$strata)) fit else fit[i]
    s <- summary(fi, censored = TRUE)
    sa <- summary(fi, times = at, extend = TRUE)
    q <- quantile(fi, probs = PROBS)
    qrows <- data.frame(p = PROBS, estimate = num(q$quantile), lower = num(q$lower), upper = num(q$upper))
    probes <- if (isTRUE(band_probes)) band_probe_p(fi) else numeric(0)
    if (length(probes)) {
      q <- quantile(fi, probs = probes)
      qrows <- rbind(qrows, data.frame(p = probes, estimate = num(q$quantile), lower = num(q$lower), upper = num(q$upper)))
    }
    list(group = groups[i], n = num(tab[i, "records"]), events = num(tab[i, "events"]),
         median = list(estimate = num(tab[i, "median"]), lower = num(tab[i, "0.95LCL"]), upper = num(tab[i, "0.95UCL"])),
         rmst = list(tau = taus[1], estimate = num(tab[i, "rmean"]), se = num(tab[i, "se(rmean)"])),
         rmst_multi = data.frame(tau = taus, estimate = sapply(tabs, function(x) num(x[i, "rmean"])),
                                 se = sapply(tabs, function(x) num(x[i, "se(rmean)"]))),
         table = data.frame(time = s$time, n_risk = s$n.risk, n_event = s$n.event, n_censor = s$n.censor,
                            survival = s$surv, std_err = num(s$std.err), lower = num(s$lower), upper = num(s$upper)),
         at = data.frame(time = sa$time, n_risk = sa$n.risk, survival = sa$surv, std_err = num(sa$std.err),
                         lower = num(sa$lower), upper = num(sa$upper)),
         quantiles = qrows,
         cumhaz = data.frame(time = fi$time, cumhaz = fi$cumhaz, std_chaz = num(fi$std.chaz)))
  })
}

# Band probes: p = 1 - upper band and p = 1 - lower band at one death time (the first with S = 0.5 if
# there is one, else the middle candidate), so that quantile() meets a CI band exactly on its target
# 1 - p and the CI limit takes the midpoint rule. A candidate band value must be strictly inside (0, 1)
# and be followed by a lower band value: on the curve's last band value R's answer is fragile (findq
# returns NA for all p when max(1 - band) < min(p), a comparison without tolerance). p is rounded to
# the 15 significant digits that the JSON carries, so R's value is the value for the number in the file.
# The probes are computed in their own quantile() call, after the three standard rows.
band_probe_p <- function(fi) {
  pick <- function(band) {
    ev <- which(fi$n.event > 0 & is.finite(band) & band > 0 & band < 1)
    ok <- ev[vapply(ev, function(j) any(band[-seq_len(j)] < band[j] - 1e-6, na.rm = TRUE), TRUE)]
    if (!length(ok)) return(numeric(0))
    j <- ok[abs(fi$surv[ok] - 0.5) < TOL]
    j <- if (length(j)) j[1] else ok[ceiling(length(ok) / 2)]
    as.numeric(sprintf("%.15g", 1 - band[j]))
  }
  c(pick(fi$upper), pick(fi$lower))
}

# ------------------------------------------------- weighted log-rank, k groups
weight_of <- function(weight, n, S) {
  fh <- function(rho, gamma) S^rho * (1 - S)^gamma
  switch(weight, logrank = 1, gehan = n, tarone = sqrt(n), peto = S,
         fh01 = fh(0, 1), fh10 = fh(1, 0), fh11 = fh(1, 1), fh05_2 = fh(0.5, 2), fh05_0 = fh(0.5, 0),
         stop("unknown weight ", weight))
}

# One stratum; `time` already timefixed, `g` a factor carrying all levels.
wlr_core <- function(time, status, g, weight) {
  k <- nlevels(g); gi <- as.integer(g)
  O <- E <- U <- numeric(k); V <- matrix(0, k, k)
  S <- 1                                   # pooled Kaplan-Meier just before t
  for (t in sort(unique(time[status == 1]))) {
    atrisk <- time >= t; dead <- time == t & status == 1
    n <- sum(atrisk); d <- sum(dead)
    nj <- tabulate(gi[atrisk], k); dj <- tabulate(gi[dead], k)
    w <- weight_of(weight, n, S)
    e <- d * nj / n
    O <- O + dj; E <- E + e; U <- U + w * (dj - e)
    if (n > 1) V <- V + w^2 * d * (n - d) / (n - 1) * (diag(nj / n, k) - outer(nj / n, nj / n))
    S <- S * (1 - d / n)
  }
  list(O = O, E = E, U = U, V = V)
}

# Summed over strata (st = NULL: one stratum); timefix on all rows passed in, as survdiff does.
wlr_parts <- function(t, s, g, weight, st = NULL) {
  time <- timefix(t, s)
  if (is.null(st)) st <- rep(1, length(time))
  parts <- lapply(split(seq_along(time), st), function(i) wlr_core(time[i], s[i], g[i], weight))
  Reduce(function(a, b) Map(`+`, a, b), parts)
}

chisq_of <- function(p) {
  keep <- which(p$E > 0)
  if (length(keep) < 2) return(list(statistic = 0, df = 0L))
  idx <- keep[-1]; Vs <- p$V[idx, idx, drop = FALSE]; Ui <- p$U[idx]
  if (rcond(Vs) > 1e-12) return(list(statistic = sum(solve(Vs, Ui) * Ui), df = length(idx)))
  # singular (a zero weight wipes out a group's variance): Moore-Penrose inverse, df = rank
  message("note: singular variance, generalized inverse used")
  e <- eigen(Vs, symmetric = TRUE); r <- e$values > 1e-10 * max(e$values)
  list(statistic = sum((crossprod(e$vectors[, r, drop = FALSE], Ui))^2 / e$values[r]), df = sum(r))
}

test_block <- function(p, lev, nj, weight, strata = NULL) {
  x <- chisq_of(p)
  out <- list(test = weight)
  if (!is.null(strata)) out$strata <- strata
  c(out, list(statistic = x$statistic, df = x$df, p_value = pchisq(x$statistic, x$df, lower.tail = FALSE),
              groups = data.frame(group = lev, n = nj, observed = p$O, expected = p$E)))
}

# Log-rank test for trend with scores c: chi2 = (c'U)^2 / (c'Vc) on 1 df, U and V the (stratum-summed)
# log-rank score vector O - E and its hypergeometric covariance above (Collett, Modelling Survival Data,
# section 2.6.3). Invariant to c -> a c + b since sum(U) = 0 and V 1 = 0.
trend_block <- function(p, lev, scores, strata = NULL) {
  cu <- sum(scores * p$U); cvc <- as.numeric(t(scores) %*% p$V %*% scores)
  stat <- num(cu^2 / cvc)
  out <- list(groups = lev, scores = scores, score = cu, variance = cvc, statistic = stat, df = 1L,
              p_value = num(pchisq(stat, 1, lower.tail = FALSE)))
  if (!is.null(strata)) out$strata <- strata
  out
}

# A second, independent route to the same U, V and E: risk sets and deaths per group from survfit
# tables at the pooled death times, pooled S(t-) from survfit(~ 1). Used to check every weight.
wlr_via_survfit <- function(d, weight) {
  k <- nlevels(d$g)
  f1 <- survfit(Surv(t, s) ~ 1, data = d); fg <- survfit(Surv(t, s) ~ g, data = d)
  ev <- f1$n.event > 0; ut <- f1$time[ev]; n <- f1$n.risk[ev]; dd <- f1$n.event[ev]
  Sm <- c(1, head(f1$surv[ev], -1))
  NJ <- DJ <- matrix(0, length(ut), k)
  for (i in seq_len(k)) { sm <- summary(fg[i], times = ut, extend = TRUE); NJ[, i] <- sm$n.risk; DJ[, i] <- sm$n.event }
  w <- rep_len(weight_of(weight, n, Sm), length(ut))
  V <- matrix(0, k, k)
  for (j in seq_along(ut)) if (n[j] > 1) {
    pj <- NJ[j, ] / n[j]
    V <- V + w[j]^2 * dd[j] * (n[j] - dd[j]) / (n[j] - 1) * (diag(pj, k) - outer(pj, pj))
  }
  list(E = colSums(dd * NJ / n), U = colSums(w * (DJ - dd * NJ / n)), V = V)
}

survdiff_parts <- function(x, lev) {      # survdiff's O, E (summed over strata) and V, in `lev` order
  o <- if (is.matrix(x$obs)) rowSums(x$obs) else x$obs
  e <- if (is.matrix(x$exp)) rowSums(x$exp) else x$exp
  i <- match(paste0("g=", lev), names(x$n))
  list(O = o[i], E = e[i], V = x$var[i, i, drop = FALSE])
}

# ------------------------------------------------------------------ main loop
for (cs in cases) {
  d <- read.csv(cs$file, stringsAsFactors = FALSE, colClasses = setNames("numeric", cs$time))
  dest <- file.path(outdir, "data", basename(cs$file))
  file.copy(cs$file, dest, overwrite = TRUE); Sys.chmod(dest, "644")
  d$t <- d[[cs$time]]
  d$s <- as.integer(d[[cs$event]] == cs$event_value)
  d <- d[!is.na(d$t) & !is.na(d$s), ]
  res <- list(case = cs$name, description = cs$description, file = basename(cs$file), time = cs$time,
              event = cs$event, event_value = cs$event_value, group = if (is.null(cs$group)) NA else cs$group,
              strata = if (is.null(cs$strata)) NA else cs$strata,
              r_version = paste(R.version$major, R.version$minor, sep = "."),
              r_survival = as.character(packageVersion("survival")))
  if (!is.null(cs$group)) {
    d$g <- as.character(d[[cs$group]]); d <- d[!is.na(d$g) & d$g != "", ]
    lev <- sorted_levels(d$g); d$g <- factor(d$g, levels = lev); k <- length(lev)
    nj <- as.numeric(table(d$g)); res$levels <- lev
  }
  if (!is.null(cs$timefix_report)) {
    y <- sort(unique(d$t)); fixed <- timefix(d$t, d$s)
    moved <- unique(data.frame(time = d$t, merged = fixed)[d$t != fixed, ])
    moved <- moved[order(moved$time), ]
    f17 <- function(x) sprintf("%.17g", x)
    res$timefix <- list(tolerance = TOL, mean_abs_unique_time = mean(abs(y)),
                        merged = data.frame(time = f17(moved$time), merged_to = f17(moved$merged)))
  }
  fml <- if (is.null(cs$group)) Surv(t, s) ~ 1 else Surv(t, s) ~ g

  # -- km (refgen shape + quantiles, cumhaz, rmst_multi)
  res$km <- list()
  for (ct in CONF_TYPES) {
    fit <- survfit(fml, data = d, conf.type = ct)
    res$km[[ct]] <- list(conf_type = ct, conf_level = 0.95, groups = km_groups(fit, cs$at, cs$tau, cs$band_probes))
  }

  # -- followup: reverse Kaplan-Meier (censoring is the event), median and 95% CI
  res$followup <- list()
  for (ct in c("log", "log-log")) {
    rows <- list()
    if (!is.null(cs$group)) {
      tb <- summary(survfit(Surv(t, 1 - s) ~ g, data = d, conf.type = ct))$table
      if (is.null(dim(tb))) tb <- t(as.matrix(tb))
      rows[[1]] <- data.frame(group = lev, median = num(tb[, "median"]), lower = num(tb[, "0.95LCL"]),
                              upper = num(tb[, "0.95UCL"]), conf_type = ct)
    }
    tb <- summary(survfit(Surv(t, 1 - s) ~ 1, data = d, conf.type = ct))$table
    rows[[2]] <- data.frame(group = "all", median = num(tb["median"]), lower = num(tb["0.95LCL"]),
                            upper = num(tb["0.95UCL"]), conf_type = ct)
    res$followup[[length(res$followup) + 1]] <- do.call(rbind, rows)
  }
  res$followup <- do.call(rbind, res$followup); rownames(res$followup) <- NULL

  if (!is.null(cs$group)) {
    # -- compare: every weight; checked against survdiff for rho = 0, 1 and 0.5
    parts <- lapply(setNames(WEIGHTS, WEIGHTS), function(w) wlr_parts(d$t, d$s, d$g, w))
    res$compare <- lapply(WEIGHTS, function(w) test_block(parts[[w]], lev, nj, w)); names(res$compare) <- WEIGHTS
    sd0 <- survdiff(Surv(t, s) ~ g, data = d, rho = 0)
    check_close(res$compare$logrank$statistic, sd0$chisq, "logrank vs survdiff(rho = 0)")
    check_close(res$compare$peto$statistic, survdiff(Surv(t, s) ~ g, data = d, rho = 1)$chisq, "peto vs survdiff(rho = 1)")
    check_close(chisq_of(wlr_parts(d$t, d$s, d$g, "fh05_0"))$statistic,
                survdiff(Surv(t, s) ~ g, data = d, rho = 0.5)$chisq, "fh(0.5, 0) vs survdiff(rho = 0.5)")
    check_close(res$compare$fh10$statistic, res$compare$peto$statistic, "fh10 = peto")
    for (w in WEIGHTS) {
      alt <- wlr_via_survfit(d, w)
      check_close(alt$U, parts[[w]]$U, paste(w, "U via survfit tables")); check_close(alt$V, parts[[w]]$V, paste(w, "V via survfit tables"))
      check_close(chisq_of(alt)$statistic, res$compare[[w]]$statistic, paste(w, "statistic via survfit tables"))
    }
    sp <- survdiff_parts(sd0, lev)
    check_close(parts$logrank$O, sp$O, "O vs survdiff"); check_close(parts$logrank$E, sp$E, "E vs survdiff")
    check_close(parts$logrank$U, sp$O - sp$E, "U vs survdiff"); check_close(parts$logrank$V, sp$V, "V vs survdiff")
    check(res$compare$logrank$df == sum(sp$E > 0) - 1, "df as survdiff")

    # -- pairwise_logrank: refgen.R's block, unchanged
    pw <- list()
    for (i in seq_along(lev)) for (j in seq_along(lev)) if (i < j) {
      sub <- d[d$g %in% c(lev[i], lev[j]), ]; x <- quiet_survdiff(Surv(t, s) ~ g, data = droplevels(sub))
      pw[[length(pw) + 1]] <- data.frame(group1 = lev[i], group2 = lev[j], statistic = x$chisq,
                                         p_value = pchisq(x$chisq, 1, lower.tail = FALSE))
    }
    pw <- do.call(rbind, pw)
    pw$p_holm <- p.adjust(pw$p_value, "holm"); pw$p_bonferroni <- p.adjust(pw$p_value, "bonferroni"); pw$p_bh <- p.adjust(pw$p_value, "BH")
    res$pairwise_logrank <- pw

    # -- pairwise for every weight: subset to the two groups and recompute everything
    res$pairwise <- list()
    for (w in WEIGHTS) {
      rows <- list()
      for (i in seq_along(lev)) for (j in seq_along(lev)) if (i < j) {
        sub <- droplevels(d[d$g %in% c(lev[i], lev[j]), ])
        x <- chisq_of(wlr_parts(sub$t, sub$s, sub$g, w))
        if (w %in% c("logrank", "peto")) {
          ref <- quiet_survdiff(Surv(t, s) ~ g, data = sub, rho = as.numeric(w == "peto"))
          check_close(x$statistic, ref$chisq, paste("pairwise", w, lev[i], lev[j], "vs survdiff"))
        }
        rows[[length(rows) + 1]] <- data.frame(group1 = lev[i], group2 = lev[j], statistic = x$statistic, df = x$df,
                                               p_value = pchisq(x$statistic, x$df, lower.tail = FALSE))
      }
      rows <- do.call(rbind, rows)
      rows$p_holm <- p.adjust(rows$p_value, "holm"); rows$p_bonferroni <- p.adjust(rows$p_value, "bonferroni")
      rows$p_bh <- p.adjust(rows$p_value, "BH")
      res$pairwise[[w]] <- rows
    }

    # -- trend (log-rank scores); checked against survdiff's O - E and var
    scores <- list(rank = seq_len(k))
    if (all(!is.na(suppressWarnings(as.numeric(lev))))) scores$value <- as.numeric(lev)
    res$trend <- list()
    for (nm in names(scores)) {
      res$trend[[nm]] <- trend_block(parts$logrank, lev, scores[[nm]])
      c0 <- scores[[nm]]
      check_close(res$trend[[nm]]$statistic, sum(c0 * (sp$O - sp$E))^2 / as.numeric(t(c0) %*% sp$V %*% c0), paste("trend", nm, "vs survdiff"))
    }
    if (k == 2) check_close(res$trend$rank$statistic, res$compare$logrank$statistic, "2-group trend = logrank")

    # -- conservative: sum (O - E)^2 / E over groups with E > 0 (GraphPad Prism), df = that count - 1
    lr <- parts$logrank; pos <- lr$E > 0
    cstat <- sum((lr$O[pos] - lr$E[pos])^2 / lr$E[pos]); cdf <- max(sum(pos) - 1, 0)
    res$conservative <- list(statistic = cstat, df = cdf, p_value = pchisq(cstat, cdf, lower.tail = FALSE))

    # -- hazard ratio, two groups: comparison = levels[2] vs reference = levels[1].
    # (a) logrank method and (b) Mantel-Haenszel follow GraphPad Prism's documented formulas:
    #   (a) HR = (O2/E2) / (O1/E1), CI exp(log HR +- z sqrt(1/E1 + 1/E2));
    #   (b) HR = exp((O2 - E2) / V), CI exp(log HR +- z / sqrt(V)), V the log-rank variance of O2 - E2;
    # (c) coxph(ties = "efron") with a 0/1 indicator of the comparison group, for comparison.
    if (k == 2) {
      z <- qnorm(0.975); O1 <- lr$O[1]; E1 <- lr$E[1]; O2 <- lr$O[2]; E2 <- lr$E[2]; V <- lr$V[2, 2]
      check_close(V, sp$V[2, 2], "HR variance vs survdiff")
      ci <- function(loghr, se) list(hr = num(exp(loghr)), lower = num(exp(loghr - z * se)), upper = num(exp(loghr + z * se)))
      cx <- coxph(Surv(t, s) ~ g, data = d, ties = "efron")
      ccx <- summary(cx)$conf.int
      res$hazard_ratio <- list(reference = lev[1], comparison = lev[2], conf_level = 0.95,
        logrank = ci(log((O2 / E2) / (O1 / E1)), sqrt(1 / E1 + 1 / E2)),
        mantel_haenszel = ci((O2 - E2) / V, 1 / sqrt(V)),
        cox = list(hr = num(ccx[1, "exp(coef)"]), lower = num(ccx[1, "lower .95"]), upper = num(ccx[1, "upper .95"])))
    }

    # -- stratified: every weight, U and V summed over strata, weights and S(t-) within the stratum
    if (!is.null(cs$strata)) {
      ds <- d[!is.na(d[[cs$strata]]), ]; ds$st <- as.character(ds[[cs$strata]])
      njs <- as.numeric(table(ds$g))
      sparts <- lapply(setNames(STRAT_WEIGHTS, STRAT_WEIGHTS), function(w) wlr_parts(ds$t, ds$s, ds$g, w, ds$st))
      res$stratified <- lapply(STRAT_WEIGHTS, function(w) test_block(sparts[[w]], lev, njs, w, cs$strata))
      names(res$stratified) <- STRAT_WEIGHTS
      x0 <- survdiff(Surv(t, s) ~ g + strata(st), data = ds, rho = 0)
      x1 <- survdiff(Surv(t, s) ~ g + strata(st), data = ds, rho = 1)
      check_close(res$stratified$logrank$statistic, x0$chisq, "stratified logrank vs survdiff")
      check_close(res$stratified$peto$statistic, x1$chisq, "stratified peto vs survdiff")
      ssp <- survdiff_parts(x0, lev)
      check_close(sparts$logrank$O, ssp$O, "stratified O"); check_close(sparts$logrank$E, ssp$E, "stratified E")
      check_close(sparts$logrank$V, ssp$V, "stratified V")
      # refgen.R's block, unchanged (its df is the number of groups - 1)
      x <- survdiff(Surv(t, s) ~ g + strata(st), data = ds)
      res$stratified_logrank <- list(strata = cs$strata, statistic = x$chisq, df = length(x$n) - 1,
                                     p_value = pchisq(x$chisq, length(x$n) - 1, lower.tail = FALSE))
      for (nm in names(scores)) {
        res$trend[[paste0("stratified_", nm)]] <- trend_block(sparts$logrank, lev, scores[[nm]], cs$strata)
        c0 <- scores[[nm]]
        check_close(res$trend[[paste0("stratified_", nm)]]$statistic,
                    sum(c0 * (ssp$O - ssp$E))^2 / as.numeric(t(c0) %*% ssp$V %*% c0), paste("stratified trend", nm))
      }
    }

    # -- checks: survdiff with some groups removed (e.g. an all-censored group)
    if (!is.null(cs$drop_checks)) {
      rows <- list(data.frame(groups = paste(lev, collapse = ","), statistic = sd0$chisq,
                              df = sum(sp$E > 0) - 1, p_value = sd0$pvalue))
      for (drop in cs$drop_checks) {
        sub <- droplevels(d[!(d$g %in% drop), ])
        x <- survdiff(Surv(t, s) ~ g, data = sub)
        rows[[length(rows) + 1]] <- data.frame(groups = paste(levels(sub$g), collapse = ","), statistic = x$chisq,
                                               df = sum(survdiff_parts(x, levels(sub$g))$E > 0) - 1, p_value = x$pvalue)
        # identity: removing groups that are never at risk at a death (E = 0) changes nothing
        if (all(sp$E[lev %in% drop] == 0)) check_close(x$chisq, sd0$chisq, paste("statistic without", paste(drop, collapse = ",")))
      }
      res$checks <- list(survdiff_without_groups = do.call(rbind, rows))
    }
  }
  writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows", pretty = TRUE),
             file.path(outdir, paste0(cs$name, ".json")))
  cat("wrote", cs$name, "\n")
}
cat("all", n_checks, "numeric checks passed\n")
