# Reference values for the web page's study options (survkit-web PageStudyOptionsTest): missing-value codes,
# landmark, group order and a Cox reference level, each on R survival's lung data (status 2 = death).
# Run from the repository root:
#   Rscript reference/web/page_options.R > survkit-web/src/test/resources/reference/page_options.json
suppressMessages(library(survival))
lung <- read.csv("examples/lung/lung.csv")
lung$death <- as.integer(lung$status == 2)
num <- function(x) ifelse(is.na(x), "null", trimws(formatC(x, digits = 15, format = "g")))
out <- c()
add <- function(key, x) out <<- c(out, sprintf('"%s": [%s]', key, paste(num(x), collapse = ", ")))

# 1. missing-value codes: the test writes "unknown" for a missing ph.ecog and -99 for a missing wt.loss; read with
#    na.strings = c("", "NA", "unknown", "-99") the data are lung itself: log-rank by sex stratified by ph.ecog
raw <- read.csv("examples/lung/lung.csv", colClasses = "character", na.strings = character(0))
raw$ph.ecog[raw$ph.ecog == ""] <- "unknown"; raw$wt.loss[raw$wt.loss == ""] <- "-99"
f <- tempfile(fileext = ".csv"); write.csv(raw, f, row.names = FALSE, quote = FALSE)
coded <- read.csv(f, na.strings = c("", "NA", "unknown", "-99"))
stopifnot(isTRUE(all.equal(coded, lung[names(coded)])))
sd <- survdiff(Surv(time, status == 2) ~ sex + strata(ph.ecog), data = lung)
add("na_strata_p", pchisq(sd$chisq, 1, lower.tail = FALSE)); add("na_strata_observed", sd$obs)
add("na_rows_analysed", sum(!is.na(lung$ph.ecog)))

# 2. landmark at 90 days: patients still followed after day 90, time counted from it
lm <- subset(lung, time > 90); lm$t <- lm$time - 90
sd2 <- survdiff(Surv(t, death) ~ sex, data = lm)
add("landmark_p", pchisq(sd2$chisq, 1, lower.tail = FALSE)); add("landmark_observed", sd2$obs)
add("landmark_n", as.vector(table(lm$sex)))

# 3. group order 2, 1: sex 2 is the reference of the hazard ratio (Cox with the group alone, Efron)
cx <- coxph(Surv(time, death) ~ factor(sex, levels = c(2, 1)), data = lung)
add("order_cox_hr", exp(coef(cx))); add("order_cox_lower", exp(confint(cx))[1]); add("order_cox_upper", exp(confint(cx))[2])

# 4. a Cox model with ph.ecog as a factor, reference level 1, and age (Efron)
cx2 <- coxph(Surv(time, death) ~ relevel(factor(ph.ecog), ref = "1") + age, data = lung)
add("reference_coef", coef(cx2)); add("reference_se", sqrt(diag(vcov(cx2))))

cat("{\n  \"provenance\": \"", R.version.string, ", survival ", as.character(packageVersion("survival")),
    ": reference/web/page_options.R\",\n  ", paste(out, collapse = ",\n  "), "\n}\n", sep = "")
