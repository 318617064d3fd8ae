# Reference values for survkit's exact ties: coxph(ties = "exact") on T&G's test1 (survival tests/book7.R),
# lung with times in whole months (heavy ties), stratified, and (start, stop] data (agexact.fit).
# Usage (from the repository root):
#   Rscript reference/cox-exact/refgen_exact.R survkit-stats/src/test/resources/reference/cox-exact
suppressPackageStartupMessages({library(survival); library(jsonlite)})
stopifnot(packageVersion("survival") == "3.5.3")
out <- commandArgs(TRUE)[1]; dir.create(out, showWarnings = FALSE, recursive = TRUE)
shared <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
if (!dir.exists(shared)) shared <- "/work/shared/datasets"

# (agexact.fit's result in survival 3.5-3 has no class, so z and p are computed here as summary.coxph does)
fitblock <- function(fit) {
  se <- sqrt(diag(fit$var)); z <- fit$coefficients / se
  list(coef = unname(fit$coefficients), se = unname(se), loglik = unname(fit$loglik),
       score = unname(fit$score), wald = unname(fit$wald.test), iter = fit$iter, n = fit$n, nevent = fit$nevent,
       z = unname(z), p = unname(2 * pnorm(-abs(z))), var = unname(fit$var),
       concordance = unname(fit$concordance["concordance"]))
}
cases <- list()

# 1. T&G test1 (tests/book1.R, book7.R): closed form of the exact partial likelihood, byhand7
test1 <- data.frame(time = c(9, 3, 1, 1, 6, 6, 8), status = c(1, NA, 1, 0, 1, 1, 0), x = c(0, 2, 1, 1, 1, 0, 0))
t1 <- test1[!is.na(test1$status), ]
byhand7 <- function(beta) { r <- exp(beta)
  list(loglik = 2 * (beta - log(3 * r + 3)), u = 2 / (r + 1), imat = 2 * r / (r + 1)^2) }
at <- lapply(c(0, log(2), 1.5), function(b) {
  f <- coxph(Surv(time, status) ~ x, t1, ties = "exact", init = b, iter.max = 0)
  h <- byhand7(b)
  stopifnot(abs(f$loglik[2] - h$loglik) < 1e-10, abs(1 / f$var - h$imat) < 1e-10)
  list(beta = b, loglik = f$loglik[2], u = h$u, imat = h$imat)
})
cases$book7 <- list(description = "T&G test1 (survival tests/book7.R), x only; loglik/score/information at fixed beta = byhand7",
  time = t1$time, status = t1$status, x = list(x = t1$x), at = at)

# 2. lung, times in whole months (ceiling(days / 30.4375)): many ties
lung <- read.csv(file.path(shared, "lung.csv"))
lung <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
lung$month <- ceiling(lung$time / 30.4375)
lung$event <- as.integer(lung$status == 2)
ev <- table(lung$month[lung$event == 1]); cat("lung months: max ties", max(ev), "distinct event times", length(ev), "\n")
xl <- list(age = lung$age, sex = lung$sex, ph.ecog = lung$ph.ecog)
f <- coxph(Surv(month, event) ~ age + sex + ph.ecog, lung, ties = "exact")
fe <- coxph(Surv(month, event) ~ age + sex + ph.ecog, lung, ties = "efron")
z <- cox.zph(f, transform = "km", terms = FALSE)
cases$lung_months <- c(list(description = "lung, month = ceiling(time / 30.4375), complete age/sex/ph.ecog; ties = exact",
  time = lung$month, status = lung$event, x = xl), fitblock(f),
  list(efron_coef = unname(coef(fe)), zph_chisq = unname(z$table[, "chisq"]), zph_p = unname(z$table[, "p"])))
fs <- coxph(Surv(month, event) ~ age + sex + strata(ph.ecog), lung, ties = "exact")
cases$lung_months_strata <- c(list(description = "as lung_months, age + sex + strata(ph.ecog)",
  time = lung$month, status = lung$event, x = xl[c("age", "sex")], strata = lung$ph.ecog), fitblock(fs))

# lung in days (a few ties): the command line's test (survkit-cli reads lung.csv itself)
fd <- coxph(Surv(time, event) ~ age + sex + ph.ecog, lung, ties = "exact")
cases$lung_days <- c(list(description = "lung (days), complete age/sex/ph.ecog, status 2 = event; ties = exact",
  time = lung$time, status = lung$event, x = xl), fitblock(fd))

# 3. (start, stop]: agexact.fit enumerates the d-subsets, too slow for the months;
#    the times are lung's days (up to 3 tied deaths); entry = floor(0.4 * time)
sub <- lung
sub$week <- sub$time
sub$entry <- floor(0.4 * sub$week)
ev <- table(sub$week[sub$event == 1]); cat("counting days: max ties", max(ev), "\n")
fc <- coxph(Surv(entry, week, event) ~ age + sex + ph.ecog, sub, ties = "exact")
cases$lung_days_counting <- c(list(description = "lung (days), (floor(0.4 time), time], ties = exact (agexact.fit)",
  start = sub$entry, time = sub$week, status = sub$event, x = list(age = sub$age, sex = sub$sex, ph.ecog = sub$ph.ecog)),
  fitblock(fc))

# R refuses weights with exact
stopifnot(inherits(try(coxph(Surv(month, event) ~ age, lung, ties = "exact", weights = rep(2, nrow(lung))), silent = TRUE), "try-error"))
for (nm in names(cases)) {
  cases[[nm]]$r_version <- R.version.string; cases[[nm]]$r_survival <- as.character(packageVersion("survival"))
  writeLines(toJSON(cases[[nm]], auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, paste0("exact_", nm, ".json")))
}
invisible(file.copy(file.path(out, "exact_lung_days.json"), sub("survkit-stats", "survkit-cli", out, fixed = TRUE) |>
  sub(pattern = "reference/cox-exact$", replacement = "reference/exact_lung_days.json"), overwrite = TRUE))
cat("wrote", length(cases), "cases (exact_lung_days.json also to survkit-cli's test resources)\n")
