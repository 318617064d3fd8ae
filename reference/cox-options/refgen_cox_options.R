# R reference values for issue 13 items 5 and 6: cox --offset, --init, --iter-max, --zph-transform,
# --concordance uno, compare --expected (one-sample log-rank) and the degenerate Cox fits.
# Run from /work/main (or a worktree):  Rscript reference/cox-options/refgen_cox_options.R reference/cox-options
# Reads lung and veteran from ../shared/datasets (override: SURVKIT_SHARED_DATASETS=DIR); writes data/*.csv
# and one JSON per case. Numbers: toJSON(digits = NA) (15 significant digits), null = NA.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "reference/cox-options"
shared <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
dir.create(file.path(out, "data"), showWarnings = FALSE, recursive = TRUE)
lung <- read.csv(file.path(shared, "lung.csv"))
veteran <- read.csv(file.path(shared, "veteran.csv"))

# derived data: lung with a known log-hazard offset and a one-sample expected cumulative hazard
lung$log_age <- log(lung$age)
lung$expected <- 0.0015 * lung$time * ifelse(lung$sex == 1, 1.3, 0.9)
write.csv(lung, file.path(out, "data", "lung_options.csv"), row.names = FALSE, na = "")
# two indicators whose sum separates the events (no single indicator has a side without events)
joint <- data.frame(
  x1 = c(1,1,1,1, 1,1,1,1, 0,0,0,0, 0,0,0,0, 0,0,0,0, 0,0,0,0),
  x2 = c(1,1,1,1, 0,0,0,0, 1,1,1,1, 0,0,0,0, 0,0,0,0, 0,0,0,0),
  time = c(1,2,3,4, 5,7,9,11, 6,8,10,12, 13,14,15,16, 5.5,6.5,7.5,8.5, 9.5,10.5,11.5,12.5),
  status = c(1,1,1,0, 1,1,0,1, 1,0,1,1, 0,0,0,0, 0,0,0,0, 0,0,0,0),
  age = c(50,61,72,45,58,66,70,49,55,63,68,52,60,57,64,71,48,59,62,67,53,65,69,56))
write.csv(joint, file.path(out, "data", "joint.csv"), row.names = FALSE)

num <- function(x) ifelse(is.finite(x), x, NA)
test <- function(stat, df) list(statistic = num(stat), df = df, p_value = num(pchisq(stat, df, lower.tail = FALSE)))
fitjson <- function(fit, call) {
  s <- summary(fit)
  cf <- coef(fit); se <- sqrt(diag(fit$var)); z <- cf / se
  warn <- attr(fit, "warnings")
  list(call = call, n = fit$n, events = fit$nevent, iter = fit$iter, loglik = num(fit$loglik),
       coefficients = lapply(seq_along(cf), function(j) list(term = names(cf)[j], coef = num(cf[j]),
           se = num(se[j]), z = num(z[j]), p_value = num(2 * pnorm(-abs(z[j]))), hr = num(exp(cf[j])),
           hr_lower = num(exp(cf[j] - qnorm(0.975) * se[j])), hr_upper = num(exp(cf[j] + qnorm(0.975) * se[j])))),
       lr_test = test(2 * diff(fit$loglik), sum(!is.na(cf))),
       wald_test = test(unname(fit$wald.test), sum(!is.na(cf))),
       score_test = test(unname(fit$score), sum(!is.na(cf))),
       concordance = list(estimate = unname(fit$concordance["concordance"]),
                          se = unname(fit$concordance["std"])),
       linear_predictors_head = head(num(fit$linear.predictors), 5))
}
write_case <- function(name, x) {
  x$r_version <- R.version.string; x$r_survival <- as.character(packageVersion("survival"))
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
             file.path(out, paste0(name, ".json")))
}
zphjson <- function(fit, tr) {
  z <- cox.zph(fit, transform = tr)
  list(transform = tr, table = lapply(seq_len(nrow(z$table)), function(k) list(term = rownames(z$table)[k],
       chisq = z$table[k, "chisq"], df = z$table[k, "df"], p = z$table[k, "p"])))
}
uno <- function(fit, call) {
  c0 <- concordance(fit, timewt = "n/G2")
  list(call = call, estimate = unname(c0$concordance), var = unname(c0$var), se = sqrt(unname(c0$var)),
       count = as.list(c0$count))
}

# --- offset
f_off <- coxph(Surv(time, status) ~ sex + ph.ecog + offset(log_age), lung)
write_case("offset_lung", list(fit = fitjson(f_off,
    "coxph(Surv(time, status) ~ sex + ph.ecog + offset(log(age)), lung)"),
    concordance_harrell = list(estimate = unname(concordance(f_off)$concordance),
                               se = sqrt(concordance(f_off)$var)),
    zph = zphjson(f_off, "km")))
f_off_s <- coxph(Surv(time, status) ~ age + ph.ecog + offset(log_age) + strata(sex), lung)
write_case("offset_lung_strata", list(fit = fitjson(f_off_s,
    "coxph(Surv(time, status) ~ age + ph.ecog + offset(log(age)) + strata(sex), lung)")))

# --- init and iter.max
f_one <- suppressWarnings(coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3),
               control = coxph.control(iter.max = 1)))
write_case("init_iter1_lung", list(init = c(0.01, -0.3), iter_max = 1, fit = fitjson(f_one,
    "coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3), control = coxph.control(iter.max = 1))")))
f_init <- coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3))
write_case("init_lung", list(init = c(0.01, -0.3), iter_max = 20, fit = fitjson(f_init,
    "coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3))")))
f_two <- suppressWarnings(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung,
               control = coxph.control(iter.max = 2)))
write_case("iter2_lung", list(iter_max = 2, fit = fitjson(f_two,
    "coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, control = coxph.control(iter.max = 2))")))

# --- cox.zph transforms
f_lung <- coxph(Surv(time, status) ~ age + sex + ph.ecog, lung)
f_strat <- coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), lung)
for (tr in c("km", "rank", "identity", "log")) {
  write_case(paste0("zph_", tr), list(transform = tr,
      lung = c(list(call = "cox.zph(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung), transform)"),
               zphjson(f_lung, tr)),
      strata = c(list(call = "cox.zph(coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), lung), transform)"),
               zphjson(f_strat, tr))))
}

# --- Uno's concordance
f_vet <- coxph(Surv(time, status) ~ trt + karno + age, veteran)
write_case("uno", list(
  lung = uno(f_lung, "concordance(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung), timewt = 'n/G2')"),
  strata = uno(f_strat, "concordance(coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), lung), timewt = 'n/G2')"),
  veteran = uno(f_vet, "concordance(coxph(Surv(time, status) ~ trt + karno + age, veteran), timewt = 'n/G2')"),
  harrell_lung = list(estimate = unname(concordance(f_lung)$concordance), se = sqrt(concordance(f_lung)$var))))

# --- one-sample log-rank
# survival 3.5-3's survdiff takes the expected survival probability exp(-cumulative hazard) as the offset
sd1 <- survdiff(Surv(time, status) ~ offset(exp(-expected)), lung)
vet_exp <- 0.01 * veteran$time
sd2 <- survdiff(Surv(time, status) ~ offset(exp(-vet_exp)), veteran)
onesample <- function(s, call) list(call = call, n = s$n, observed = s$obs, expected = s$exp,
    statistic = s$chisq, df = 1, p_value = pchisq(s$chisq, 1, lower.tail = FALSE), var = s$var)
write_case("one_sample", list(
  lung = onesample(sd1, "survdiff(Surv(time, status) ~ offset(exp(-expected)), lung); expected = 0.0015 * time * (1.3 if sex == 1 else 0.9)"),
  veteran = onesample(sd2, "survdiff(Surv(time, status) ~ offset(exp(-0.01 * time)), veteran)")))

# --- degenerate fits
w_none <- NULL
f_none <- withCallingHandlers(coxph(Surv(time, status == 3) ~ age + sex, lung),
                              warning = function(w) { w_none <<- conditionMessage(w); invokeRestart("muffleWarning") })
write_case("no_events", list(call = "coxph(Surv(time, status == 3) ~ age + sex, lung)", warning = w_none,
  coef = num(coef(f_none)), var = f_none$var, loglik = f_none$loglik, n = f_none$n, events = f_none$nevent))
w_joint <- NULL
f_joint <- withCallingHandlers(coxph(Surv(time, status) ~ x1 + x2 + age, joint),
                               warning = function(w) { w_joint <<- conditionMessage(w); invokeRestart("muffleWarning") })
write_case("joint", list(warning = w_joint, fit = fitjson(f_joint, "coxph(Surv(time, status) ~ x1 + x2 + age, joint)")))
cat("wrote", length(list.files(out, pattern = "json$")), "cases\n")
