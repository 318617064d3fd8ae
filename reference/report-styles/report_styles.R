#!/usr/bin/env Rscript
## report_styles.R -- reference values for the report's effect measures and Table 1 styles (issue 14, items 4-6)
## on the SYNTHETIC rapamycin example (examples/rapamycin-mbc/cohort.csv), derived as its study.yaml derives them:
## months = days / 30.4375, event = vital_status "dead", administrative censoring at 60 months, subgroups from the
## receptor columns.
##
##   Rscript reference/report-styles/report_styles.R survkit-report/src/test/resources/reference/report-styles
##
## Writes report_styles.json:
##  - pairs: for each pair of subgroups (its two groups' patients only), the Cox hazard ratio of the second versus
##    the first (coxph, Efron ties, Wald 95% CI), the Mantel-Haenszel ratio exp((O2 - E2)/V) and the log-rank O/E
##    ratio (O2/E2)/(O1/E1), O, E and V from survdiff;
##  - age_by_group: age's median and quartiles (quantile type 7) overall and by subgroup (Table 1, median [IQR]);
##  - grade_counts: the grade levels' counts and denominators overall (Table 1, n (%) and n/N (%));
##  - cox_age: the Cox model subgroup + age, the hazard ratio of age per year with its 95% CI (the CI whose lower
##    limit prints 1.00 with two decimals).
suppressMessages({library(survival); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
d <- read.csv("examples/rapamycin-mbc/cohort.csv", colClasses = "character", na.strings = c("", "NA"))
d$age <- as.numeric(d$age)
d$months <- as.numeric(as.Date(d$last_contact) - as.Date(d$rapamycin_start)) / 30.4375
d$dead <- as.integer(d$vital_status == "dead")
# administrative censoring at the horizon (60 months)
d$dead[d$months > 60] <- 0L
d$months <- pmin(d$months, 60)
pos <- function(x) x == "positive"
lab <- c("ER/PR+ HER2\u2212", "Triple positive", "Triple negative")
d$group <- ifelse((pos(d$er) | pos(d$pr)) & !pos(d$her2), lab[1],
           ifelse(pos(d$er) & pos(d$pr) & pos(d$her2), lab[2],
           ifelse(!pos(d$er) & !pos(d$pr) & !pos(d$her2), lab[3], "Other/unknown")))
stopifnot(all(d$group %in% lab))
d$group <- factor(d$group, levels = lab)
pairs <- list()
for (ij in list(c(1, 2), c(1, 3), c(2, 3))) {
  s <- d[d$group %in% lab[ij], ]
  s$g <- factor(as.character(s$group), levels = lab[ij])
  fit <- coxph(Surv(months, dead) ~ g, data = s, ties = "efron")
  ci <- summary(fit)$conf.int
  sd <- survdiff(Surv(months, dead) ~ g, data = s)
  O <- sd$obs; E <- sd$exp; V <- sd$var[2, 2]
  z <- qnorm(0.975)
  lmh <- (O[2] - E[2]) / V
  loe <- log((O[2] / E[2]) / (O[1] / E[1]))
  pairs[[length(pairs) + 1]] <- list(reference = lab[ij[1]], comparison = lab[ij[2]],
    cox = list(hr = unname(ci[1, 1]), lower = unname(ci[1, 3]), upper = unname(ci[1, 4])),
    mantel_haenszel = list(hr = exp(lmh), lower = exp(lmh - z / sqrt(V)), upper = exp(lmh + z / sqrt(V))),
    oe = list(hr = exp(loe), lower = exp(loe - z * sqrt(1 / E[1] + 1 / E[2])),
              upper = exp(loe + z * sqrt(1 / E[1] + 1 / E[2]))),
    observed = O, expected = E, variance = V)
}
q <- function(x) unname(quantile(x, c(0.25, 0.5, 0.75), type = 7))
age <- list(overall = q(d$age))
for (g in lab) age[[g]] <- q(d$age[d$group == g])
grade <- table(factor(d$grade, levels = c("I", "II", "III")))
fit <- coxph(Surv(months, dead) ~ group + age, data = d)
ci <- summary(fit)$conf.int
res <- list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
  pairs = pairs, age_by_group = age,
  grade_counts = list(levels = names(grade), counts = as.integer(grade), n = sum(!is.na(d$grade))),
  cox_age = list(hr = unname(ci["age", 1]), lower = unname(ci["age", 3]), upper = unname(ci["age", 4])))
dir.create(out, showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, "report_styles.json"))
cat("wrote", file.path(out, "report_styles.json"), "\n")
