#!/usr/bin/env Rscript
## check_cohort.R -- recomputes, with R's survival package, every number the SYNTHETIC cohort
## examples/rapamycin-mbc/cohort.csv is meant to reproduce, prints them next to the targets taken
## from the paper, and exits with status 1 if any target is missed.
##
##   Rscript examples/rapamycin-mbc/check_cohort.R                    # check (and compare with expected.json)
##   Rscript examples/rapamycin-mbc/check_cohort.R --write-expected   # (re)write expected.json
##
## Subgroups are derived from the receptor columns, as from a hospital export:
##   group 1 "ER/PR+ HER2-"    : ER and/or PR positive, HER2 negative
##   group 2 "triple positive" : ER, PR and HER2 positive
##   group 3 "triple negative" : ER, PR and HER2 negative
##   anything else             : "other" (none in this cohort; the check fails if one appears)
## Overall survival in months = (last_contact - rapamycin_start) in days / 30.4375;
## event = vital_status "dead". "5-year OS" = Kaplan-Meier survival at 60 months.

suppressMessages(library(survival))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
dir <- if (length(script) == 1) dirname(normalizePath(script)) else getwd()
write_expected <- "--write-expected" %in% commandArgs(trailingOnly = TRUE)

DAYS_PER_MONTH <- 30.4375
HORIZON <- 60
LABELS <- c("1" = "ER/PR+ HER2-", "2" = "triple positive", "3" = "triple negative")

## ------------------------------------------------------------------ targets (from the paper)
TARGET <- list(
  n = 43, age_mean = "42", age_sd = "9.9",
  metastasis_site = c(bone = 25, liver = 8, lung = 6, brain = 4),
  grade = c(I = 5, II = 29, III = 9),
  treated = c(radiation = 32, tamoxifen = 34, letrozole = 24, trastuzumab = 12, rapamycin = 43),
  os60 = c("1" = "93.3", "2" = "42.8", "3" = "72.7"),                  # percent, one decimal
  p = list(c("1", "2", "0.006"), c("1", "3", "0.03"), c("2", "3", "0.3")))

failures <- character(0)
check <- function(ok, what) {
  cat(sprintf("  [%s] %s\n", if (ok) "ok" else "FAIL", what))
  if (!ok) failures <<- c(failures, what)
}
decimals <- function(txt) nchar(sub("^[^.]*\\.?", "", txt))
fmt_as <- function(x, txt) sprintf(paste0("%.", decimals(txt), "f"), x)

## ------------------------------------------------------------------ read and derive
d <- read.csv(file.path(dir, "cohort.csv"), colClasses = "character", na.strings = c("", "NA"))
d$age <- as.numeric(d$age)
start <- as.Date(d$rapamycin_start); end <- as.Date(d$last_contact)
d$days <- as.numeric(end - start)
d$months <- d$days / DAYS_PER_MONTH
d$dead <- as.integer(d$vital_status == "dead")
stopifnot(all(d$vital_status %in% c("alive", "dead")))
pos <- function(x) x == "positive"
for (v in c("er", "pr", "her2")) stopifnot(all(d[[v]] %in% c("positive", "negative")))
d$group <- ifelse((pos(d$er) | pos(d$pr)) & !pos(d$her2), "1",
           ifelse(pos(d$er) & pos(d$pr) & pos(d$her2), "2",
           ifelse(!pos(d$er) & !pos(d$pr) & !pos(d$her2), "3", "other")))

cat("SYNTHETIC cohort (not patient data):", file.path(dir, "cohort.csv"), "\n\n")

## ------------------------------------------------------------------ table 1
cat("Patients and clinical variables\n")
check(nrow(d) == TARGET$n, sprintf("patients: %d (target %d)", nrow(d), TARGET$n))
check(!anyDuplicated(d$patient_id), "patient_id unique")
m <- mean(d$age); s <- sd(d$age)
check(sprintf("%.0f", m) == TARGET$age_mean && sprintf("%.1f", s) == TARGET$age_sd,
      sprintf("age mean +- SD: %.0f +- %.1f (exact %.4f +- %.4f; target %s +- %s)",
              m, s, m, s, TARGET$age_mean, TARGET$age_sd))
for (v in c("metastasis_site", "grade")) {
  tab <- table(factor(d[[v]], levels = names(TARGET[[v]])), useNA = "ifany")
  check(sum(tab) == nrow(d) && all(tab == TARGET[[v]]),
        sprintf("%s: %s (target %s)", v,
                paste(names(tab), tab, sep = " ", collapse = ", "),
                paste(TARGET[[v]], collapse = "/")))
}
for (v in names(TARGET$treated)) {
  stopifnot(all(d[[v]] %in% c("yes", "no")))
  k <- sum(d[[v]] == "yes")
  check(k == TARGET$treated[[v]], sprintf("%s yes: %d (%.1f%%; target %d)", v, k, 100 * k / nrow(d),
                                          TARGET$treated[[v]]))
}
check(all(d$tamoxifen == "yes" | d$letrozole == "yes"), "every patient had hormone therapy (tamoxifen and/or letrozole)")

cat("\nReceptor subgroups (derived from er / pr / her2)\n")
gt <- table(factor(d$group, levels = c("1", "2", "3", "other")))
for (g in names(gt)) cat(sprintf("  group %-5s %-16s n = %d\n", g,
                                 if (g %in% names(LABELS)) LABELS[[g]] else "", gt[[g]]))
check(gt[["other"]] == 0, "every patient falls in one of the three groups")
check(all((d$trastuzumab == "yes") == pos(d$her2)), "trastuzumab given exactly to the HER2-positive patients")

cat("\nDates and follow-up\n")
cutoff <- max(end)
check(all(format(start, "%Y") %in% as.character(2010:2014)),
      sprintf("rapamycin_start within 2010-2014: %s .. %s", min(start), max(start)))
check(all(end > start), "last_contact after rapamycin_start")
check(all(d$months >= 12), sprintf("every patient followed >= 12 months (min %.2f months; immortal time by design)",
                                   min(d$months)))
n_beyond <- sum(d$months > HORIZON)
check(n_beyond > 0, sprintf("patients followed beyond 60 months: %d (all alive: %s)", n_beyond,
                            all(d$vital_status[d$months > HORIZON] == "alive")))
cat(sprintf("  latest last_contact (data cut-off): %s; alive at cut-off: %d; alive, last seen earlier: %d\n",
            cutoff, sum(d$dead == 0 & end == cutoff), sum(d$dead == 0 & end < cutoff)))
cat(sprintf("  deaths: %d, all within 60 months: %s; median follow-up (reverse KM): %.1f months\n",
            sum(d$dead), all(d$months[d$dead == 1] <= HORIZON),
            summary(survfit(Surv(months, 1 - dead) ~ 1, data = d))$table[["median"]]))

## ------------------------------------------------------------------ survival
h <- d; h$dead <- as.integer(d$dead == 1 & d$months <= HORIZON); h$months <- pmin(d$months, HORIZON)
os60 <- function(data) {
  sm <- summary(survfit(Surv(months, dead) ~ group, data = data), times = HORIZON)
  data.frame(group = sub("group=", "", as.character(sm$strata)), surv = sm$surv,
             n_risk = sm$n.risk, lower = sm$lower, upper = sm$upper, stringsAsFactors = FALSE)
}
km_full <- os60(d); km_h <- os60(h)
cat("\nKaplan-Meier overall survival at 60 months (R survfit; log CI, R default)\n")
groups_out <- list()
for (g in c("1", "2", "3")) {
  r <- km_full[km_full$group == g, ]; rh <- km_h[km_h$group == g, ]
  txt <- sprintf("%.1f", 100 * r$surv)
  check(txt == TARGET$os60[[g]] && sprintf("%.1f", 100 * rh$surv) == txt,
        sprintf("group %s %-16s n = %2d, deaths %d, at risk at 60 m %d: S(60) = %s%% (%.6f; censored at 60: %.6f; target %s%%)",
                g, LABELS[[g]], sum(d$group == g), sum(d$dead[d$group == g]), r$n_risk, txt, r$surv,
                rh$surv, TARGET$os60[[g]]))
  groups_out[[g]] <- list(group = g, label = LABELS[[g]], n = sum(d$group == g),
                          events = sum(d$dead[d$group == g]),
                          events_by_60 = sum(h$dead[h$group == g]),
                          n_risk_60 = r$n_risk, surv_60 = r$surv,
                          surv_60_lower_log = r$lower, surv_60_upper_log = r$upper,
                          surv_60_percent_printed = txt)
}

cat("\nPairwise log-rank tests (R survdiff on the two groups' patients, rho = 0, unadjusted)\n")
lr <- function(data, a, b) {
  sd_ <- survdiff(Surv(months, dead) ~ group, data = data[data$group %in% c(a, b), ])
  c(chisq = sd_$chisq, p = pchisq(sd_$chisq, 1, lower.tail = FALSE))
}
pair_out <- list()
for (pt in TARGET$p) {
  f <- lr(d, pt[1], pt[2]); hh <- lr(h, pt[1], pt[2])
  txt <- fmt_as(f[["p"]], pt[3])
  check(txt == pt[3] && fmt_as(hh[["p"]], pt[3]) == pt[3],
        sprintf("group %s (%s) vs group %s (%s): chisq %.4f, P = %s (%.6f; censored at 60: %.6f; target %s)",
                pt[1], LABELS[[pt[1]]], pt[2], LABELS[[pt[2]]], f[["chisq"]], txt, f[["p"]], hh[["p"]], pt[3]))
  pair_out[[length(pair_out) + 1]] <- list(group1 = pt[1], group2 = pt[2],
                                           label1 = LABELS[[pt[1]]], label2 = LABELS[[pt[2]]],
                                           chisq = f[["chisq"]], p_value = f[["p"]],
                                           p_value_censored_at_60 = hh[["p"]], p_printed = txt)
}
all3 <- survdiff(Surv(months, dead) ~ group, data = d)
p3 <- pchisq(all3$chisq, 2, lower.tail = FALSE)
cat(sprintf("  (for information) 3-group log-rank: chisq %.4f on 2 df, P = %.6f\n", all3$chisq, p3))

## ------------------------------------------------------------------ expected.json
expected <- list(
  synthetic = TRUE,
  note = "SYNTHETIC example cohort, not patient data; values computed by check_cohort.R with R survival",
  r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
  source = "cohort.csv",
  time = list(start_date = "rapamycin_start", end_date = "last_contact", unit = "months",
              days_per_month = DAYS_PER_MONTH),
  event = list(column = "vital_status", event_value = "dead", censored_value = "alive"),
  group_rules = list(
    "1" = "ER/PR+ HER2-: (er == positive or pr == positive) and her2 == negative",
    "2" = "triple positive: er, pr and her2 == positive",
    "3" = "triple negative: er, pr and her2 == negative"),
  n = nrow(d),
  age = list(mean = m, sd = s, mean_printed = sprintf("%.0f", m), sd_printed = sprintf("%.1f", s)),
  counts = list(
    metastasis_site = as.list(table(factor(d$metastasis_site, levels = names(TARGET$metastasis_site)))),
    grade = as.list(table(factor(d$grade, levels = names(TARGET$grade)))),
    treated = as.list(sapply(names(TARGET$treated), function(v) sum(d[[v]] == "yes")))),
  follow_up = list(min_months = min(d$months), n_beyond_60 = n_beyond,
                   data_cutoff = format(cutoff), first_start = format(min(start)),
                   last_start = format(max(start))),
  horizon_months = HORIZON,
  groups = unname(groups_out),
  pairwise_logrank = pair_out,
  overall_logrank = list(chisq = all3$chisq, df = 2, p_value = p3))
ej <- file.path(dir, "expected.json")
json <- jsonlite::toJSON(expected, auto_unbox = TRUE, digits = NA, pretty = TRUE)
if (write_expected) {
  writeLines(json, ej)
  cat("\nwrote", ej, "\n")
} else if (file.exists(ej)) {
  same <- isTRUE(all.equal(jsonlite::fromJSON(ej, simplifyVector = FALSE),
                           jsonlite::fromJSON(json, simplifyVector = FALSE),
                           tolerance = 1e-9, check.attributes = FALSE)) ||
          isTRUE(all.equal(jsonlite::fromJSON(ej), jsonlite::fromJSON(json), tolerance = 1e-9))
  cat("\n"); check(same, "expected.json matches the values computed now")
}

cat(if (length(failures)) sprintf("\n%d target(s) missed\n", length(failures)) else "\nall targets hold\n")
quit(status = if (length(failures)) 1 else 0)
