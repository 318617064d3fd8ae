# A few cases of R survival's own test suite (tests/book1.R, book3.R, survtest.R; Therneau & Grambsch 2000, appendix
# E: the small, deliberately awkward datasets with ties, a missing status and (start, stop] rows), the identities
# of its weight tests, and two of ours (the group score test, coxph's variance when it runs out of iterations).
# Run from the repository root:
#   Rscript reference/r-tests-port/refgen_r_tests_port.R survkit-stats/src/test/resources/reference/r-tests-port
# Writes r_tests_port.json. Deterministic (no random numbers).
suppressMessages({library(survival); library(jsonlite)})
args <- commandArgs(TRUE); out <- if (length(args)) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# tests/book1.R: test1, one row with a missing status (dropped)
test1 <- data.frame(time = c(9, 3, 1, 1, 6, 6, 8), status = c(1, NA, 1, 0, 1, 1, 0), x = c(0, 2, 1, 1, 1, 0, 0))
t1 <- test1[!is.na(test1$status), ]
# tests/book3.R (and survtest.R): test2, (start, stop] rows
test2 <- data.frame(start = c(1, 2, 5, 2, 1, 7, 3, 4, 8, 8), stop = c(2, 3, 6, 7, 8, 9, 9, 9, 14, 17),
                    event = c(1, 1, 1, 1, 1, 1, 1, 0, 0, 0), x = c(1, 0, 0, 1, 0, 1, 1, 1, 0, 0))
w2 <- c(1, 2, 3, 1, 2, 1, 1, 2, 1, 3)

cox <- function(f) list(coef = unname(coef(f)), var = unname(as.vector(vcov(f))), loglik = unname(f$loglik),
                        score = unname(f$score), iter = f$iter)
km <- function(f) {
  s <- summary(f, censored = TRUE)
  list(time = s$time, n_risk = s$n.risk, n_event = s$n.event, surv = s$surv, std_err = s$std.err,
       cumhaz = s$cumhaz, std_chaz = s$std.chaz)
}
res <- list(r = R.version.string, survival = as.character(packageVersion("survival")))
res$test1 <- list(time = t1$time, status = t1$status, x = t1$x,
  breslow = cox(coxph(Surv(time, status) ~ x, t1, ties = "breslow")),
  efron = cox(coxph(Surv(time, status) ~ x, t1, ties = "efron")),
  km = km(survfit(Surv(time, status) ~ 1, t1)))
# book1.R's closed forms at beta = log(2) (Breslow): loglik, score and information, from coxph with iter.max = 0
b0 <- coxph(Surv(time, status) ~ x, t1, ties = "breslow", init = log(2), control = coxph.control(iter.max = 0))
e0 <- coxph(Surv(time, status) ~ x, t1, ties = "efron", init = log(2), control = coxph.control(iter.max = 0))
res$test1$at_log2 <- list(breslow_loglik = b0$loglik[2], breslow_imat = 1 / b0$var[1],
                          efron_loglik = e0$loglik[2], efron_imat = 1 / e0$var[1])
res$test2 <- list(start = test2$start, stop = test2$stop, event = test2$event, x = test2$x, w = w2,
  breslow = cox(coxph(Surv(start, stop, event) ~ x, test2, ties = "breslow")),
  efron = cox(coxph(Surv(start, stop, event) ~ x, test2, ties = "efron")),
  km = km(survfit(Surv(start, stop, event) ~ 1, test2)),
  km_w = km(survfit(Surv(start, stop, event) ~ 1, test2, weights = w2)),
  efron_w = cox(coxph(Surv(start, stop, event) ~ x, test2, weights = w2)))
# weights of 0: as the rows removed (survfit; coxph)
z <- c(1, 0, 1, 1, 0, 1, 1, 1, 1, 1)
res$test2$zero <- list(w = z, km = km(survfit(Surv(start, stop, event) ~ 1, test2[z > 0, ])),
                       efron = cox(coxph(Surv(start, stop, event) ~ x, test2[z > 0, ])))
# the group score test: without tied times, survdiff's log-rank statistic (the lung rows whose time is unique)
l <- lung[!(lung$time %in% lung$time[duplicated(lung$time)]), ]
sd <- survdiff(Surv(time, status) ~ sex, l)
sc <- summary(coxph(Surv(time, status) ~ factor(sex), l))$sctest
res$untied <- list(time = l$time, status = l$status - 1, sex = l$sex, survdiff = unname(sd$chisq),
                   score = unname(sc[1]))
# coxph out of iterations (iter.max = 2 on lung ~ age + sex + ph.ecog): its coefficients, and the inverse
# information at them (coxph(init = coef, iter.max = 0)), which survkit reports as the variance
d <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
f2 <- suppressWarnings(coxph(Surv(time, status) ~ age + sex + ph.ecog, d, control = coxph.control(iter.max = 2)))
g2 <- coxph(Surv(time, status) ~ age + sex + ph.ecog, d, init = coef(f2), control = coxph.control(iter.max = 0))
res$iter2 <- list(time = d$time, status = d$status - 1, age = d$age, sex = d$sex, ph_ecog = d$ph.ecog,
                  coef = unname(coef(f2)), reported_se = unname(sqrt(diag(vcov(f2)))),
                  se_at_coef = unname(sqrt(diag(vcov(g2)))))
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, "r_tests_port.json"))
