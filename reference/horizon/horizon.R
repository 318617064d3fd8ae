# Reference values for administrative censoring at a horizon (--horizon H on km, compare, cox, cif, finegray):
# R's own recoding, Surv(pmin(time, H), status & time <= H), on R survival's lung and pbc data.
# Run: Rscript reference/horizon/horizon.R > survkit-cli/src/test/resources/reference/horizon.json
suppressMessages({library(survival); library(cmprsk)})
lung <- read.csv("survkit-cli/src/test/resources/reference/lung.csv")
pbc <- read.csv("survkit-cli/src/test/resources/reference/pbc.csv")
H <- 365
cens <- function(t, e, h) list(time = pmin(t, h), event = as.integer(e & t <= h))
l <- cens(lung$time, lung$status == 2, H)
lung$htime <- l$time; lung$hevent <- l$event
num <- function(x) ifelse(is.na(x), "null", formatC(x, digits = 15, format = "g"))
out <- c()
add <- function(key, x) out <<- c(out, sprintf('"%s": [%s]', key, paste(num(x), collapse = ", ")))

# compare: log-rank by sex, stratified by ph.ecog (rows with missing ph.ecog dropped, as survdiff does)
sd <- survdiff(Surv(htime, hevent) ~ sex + strata(ph.ecog), data = lung)
add("compare_strata_statistic", sd$chisq)
add("compare_strata_p", pchisq(sd$chisq, 1, lower.tail = FALSE))
add("compare_strata_observed", sd$obs)
sd0 <- survdiff(Surv(htime, hevent) ~ sex, data = lung)
add("compare_statistic", sd0$chisq)
add("compare_observed", sd0$obs)

# km by sex, log-log CI: n, events, median with CI, survival at 180 and 365, RMST to 365
f <- survfit(Surv(htime, hevent) ~ sex, data = lung, conf.type = "log-log")
tb <- summary(f)$table
add("km_n", tb[, "n.max"]); add("km_events", tb[, "events"])
add("km_median", tb[, "median"]); add("km_median_lower", tb[, "0.95LCL"]); add("km_median_upper", tb[, "0.95UCL"])
s <- summary(f, times = c(180, 365), extend = TRUE)
add("km_surv_at", s$surv); add("km_lower_at", s$lower); add("km_upper_at", s$upper); add("km_nrisk_at", s$n.risk)
rm <- summary(f, rmean = 365)$table
add("km_rmst", rm[, "rmean"]); add("km_rmst_se", rm[, "se(rmean)"])

# cox: age + sex, Efron
cx <- coxph(Surv(htime, hevent) ~ age + sex, data = lung)
add("cox_coef", coef(cx)); add("cox_se", sqrt(diag(vcov(cx)))); add("cox_loglik", cx$loglik)

# landmark 90 then horizon 365 counted from it: km by sex
lm <- subset(lung, time > 90); lm$t2 <- lm$time - 90
l2 <- cens(lm$t2, lm$status == 2, H)
f2 <- survfit(Surv(l2$time, l2$event) ~ lm$sex, conf.type = "log-log")
tb2 <- summary(f2)$table
add("landmark_km_n", tb2[, "n.max"]); add("landmark_km_events", tb2[, "events"]); add("landmark_km_median", tb2[, "median"])

# competing risks on pbc: status 0 censored, 1 transplant, 2 death; horizon 1825 days; by edema
HC <- 1825
pbc$hstatus <- ifelse(pbc$time > HC, 0, pbc$status); pbc$htime <- pmin(pbc$time, HC)
ci <- cuminc(pbc$htime, pbc$hstatus, pbc$edema, cencode = 0)
add("cif_gray_statistic", ci$Tests[, "stat"]); add("cif_gray_p", ci$Tests[, "pv"])
tp <- timepoints(ci, c(365, 1000, 1825))
add("cif_est_death_edema0", tp$est["0 2", ]); add("cif_var_death_edema0", tp$var["0 2", ])
fg <- crr(pbc$htime, pbc$hstatus, cbind(age = pbc$age), failcode = 2, cencode = 0)
add("finegray_coef", fg$coef); add("finegray_se", sqrt(diag(fg$var)))

cat("{\n  \"provenance\": \"", R.version.string, ", survival ", as.character(packageVersion("survival")),
    ", cmprsk ", as.character(packageVersion("cmprsk")), ": reference/horizon/horizon.R\",\n  ",
    paste(out, collapse = ",\n  "), "\n}\n", sep = "")
