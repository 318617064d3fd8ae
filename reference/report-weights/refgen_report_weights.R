# Reference values for the report with case weights and entry times (issue 13: study keys `weights`, `time.entry`).
# Run from the repository root:
#   Rscript reference/report-weights/refgen_report_weights.R survkit-report/src/test/resources/reference/report-weights
#   Rscript reference/report-weights/refgen_report_weights.R survkit-web/src/test/resources/reference/report-weights
# Writes cohort.csv (lung with seeded weights and entry times) and report_weights.json. Seeded; identical on rerun.
# Cases (each: survfit per group with its median and survival at 180 and 365 days, the Cox score test of the group
# alone -- robust when a weight is not an integer, as coxph then reports summary(fit)$robscore -- the pairwise
# score tests with Holm's adjustment, and a Cox model ~ group + age):
#   wint        weights = wi (integers 1..3)
#   wfrac       weights = wf (non-integer)                       -> robust variance and robust score test
#   entry       Surv(entry, time, status)                        -> delayed entry
#   entry_wfrac Surv(entry, time, status), weights = wf, strata(sex)
suppressMessages({library(survival); library(jsonlite)})
args <- commandArgs(TRUE); out <- if (length(args)) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)

set.seed(20261207)
d <- lung[!is.na(lung$ph.ecog) & lung$ph.ecog < 3 & !is.na(lung$age), ]
d <- data.frame(time = d$time, status = d$status - 1L, ecog = paste0("ECOG ", d$ph.ecog), age = d$age,
                sex = ifelse(d$sex == 1, "male", "female"))
d$wi <- sample(1:3, nrow(d), TRUE)
d$wf <- round(runif(nrow(d), 0.2, 3), 3)
d$entry <- pmin(round(runif(nrow(d), 0, 150)), d$time - 1)
d$entry[d$entry < 0] <- 0
write.csv(d, file.path(out, "cohort.csv"), row.names = FALSE, quote = FALSE)

na <- function(x) { x[!is.finite(x)] <- NA; x }
case <- function(name, entry, w, strata) {
  y <- if (entry) Surv(d$entry, d$time, d$status) else Surv(d$time, d$status)
  wt <- if (is.null(w)) NULL else d[[w]]
  grp <- factor(d$ecog)
  fit <- if (is.null(wt)) survfit(y ~ grp, conf.type = "log-log") else survfit(y ~ grp, weights = wt, conf.type = "log-log")
  curves <- lapply(seq_along(levels(grp)), function(i) {
    f <- fit[i]
    s <- summary(f, times = c(180, 365), extend = TRUE)
    q <- quantile(f, 0.5)
    list(group = levels(grp)[i], median = na(unname(q$quantile)), median_lower = na(unname(q$lower)),
         median_upper = na(unname(q$upper)), surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper,
         n_risk = s$n.risk)
  })
  fml <- if (strata) y ~ grp + strata(d$sex) else y ~ grp
  score <- function(rows) {
    ff <- if (strata) y[rows] ~ factor(d$ecog[rows]) + strata(d$sex[rows]) else y[rows] ~ factor(d$ecog[rows])
    cf <- if (is.null(wt)) coxph(ff) else coxph(ff, weights = wt[rows])
    sm <- summary(cf)
    rob <- !is.null(cf$naive.var)
    sc <- if (rob) sm$robscore else sm$sctest
    list(robust = rob, statistic = unname(sc[1]), df = unname(sc[2]), p = unname(sc[3]),
         hr = unname(exp(coef(cf)[1])), se = unname(sqrt(diag(vcov(cf)))[1]))
  }
  all <- score(rep(TRUE, nrow(d)))
  lv <- levels(grp)
  pairs <- list()
  for (a in 1:(length(lv) - 1)) for (b in (a + 1):length(lv)) {
    r <- score(d$ecog %in% lv[c(a, b)])
    pairs[[length(pairs) + 1]] <- c(list(reference = lv[a], comparison = lv[b]), r)
  }
  ps <- p.adjust(sapply(pairs, function(p) p$p), "holm")
  for (i in seq_along(pairs)) pairs[[i]]$p_holm <- ps[i]
  age <- d$age; sx <- d$sex
  m <- if (strata) coxph(y ~ grp + age + strata(sx), weights = wt) else coxph(y ~ grp + age, weights = wt)
  list(case = name, entry = entry, weights = if (is.null(w)) NA else w, strata = strata, curves = curves,
       overall = all, pairs = pairs,
       cox = list(terms = names(coef(m)), coef = unname(coef(m)), se = unname(sqrt(diag(vcov(m)))),
                  robust = !is.null(m$naive.var)))
}
res <- list(
  r = R.version.string, survival = as.character(packageVersion("survival")),
  cases = list(case("wint", FALSE, "wi", FALSE), case("wfrac", FALSE, "wf", FALSE),
               case("entry", TRUE, NULL, FALSE), case("entry_wfrac", TRUE, "wf", TRUE)))
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           file.path(out, "report_weights.json"))
