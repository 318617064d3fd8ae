# Reference values for R's model-matrix rule on terms whose main effects are absent (issue 13, item 1).
# Run from the repository root:
#   Rscript reference/model-terms/refgen_terms.R survkit-study/src/test/resources/reference/model-terms
# Reads lung.csv from ../shared/datasets (SURVKIT_SHARED_DATASETS moves it); writes mgus2.csv (survival's
# mgus2, competing-risks coding) and lung.csv next to the JSON so the tests read exactly what R used.
suppressPackageStartupMessages({ library(survival); library(cmprsk); library(jsonlite) })
stopifnot(packageVersion("survival") == "3.5.3", packageVersion("cmprsk") == "2.2.11")
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "survkit-study/src/test/resources/reference/model-terms"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
shared <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
lung <- read.csv(file.path(shared, "lung.csv"))
stopifnot(isTRUE(all.equal(lung$time, survival::lung$time)), isTRUE(all.equal(lung$age, survival::lung$age)))
write.csv(lung, file.path(out, "lung.csv"), row.names = FALSE, na = "")

m <- survival::mgus2
m$etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
m$event <- ifelse(m$pstat == 0, 2 * m$death, 1)   # 0 censored, 1 progression, 2 death
mg <- m[, c("id", "age", "sex", "etime", "event")]
write.csv(mg, file.path(out, "mgus2.csv"), row.names = FALSE)
mg <- read.csv(file.path(out, "mgus2.csv"))

# R's column name -> survkit's: factor(x)L -> x=L, a text column's xL -> x=L (text = the text columns), the
# variables in R's order
survkit_name <- function(r, text = character(0)) {
  parts <- strsplit(r, ":", fixed = TRUE)[[1]]
  parts <- sub("^factor\\(([^)]+)\\)(.*)$", "\\1=\\2", parts)
  for (v in text) parts <- sub(paste0("^", v, "(.+)$"), paste0(v, "=\\1"), parts)
  paste(parts, collapse = ":")
}
num <- function(x) ifelse(is.na(x), NA, x)

cox_case <- function(id, formula, terms, categorical, description) {
  fit <- suppressWarnings(coxph(formula, data = lung))   # aliased columns warn in R too; the JSON records them
  w <- tryCatch({ coxph(formula, data = lung); "" }, warning = function(w) conditionMessage(w))
  ok <- !is.na(coef(fit))
  se <- sqrt(diag(vcov(fit)))
  se[!ok] <- NA                                        # aliased: NA, as summary() prints
  stopifnot(isTRUE(all.equal(unname(se[ok]), sqrt(diag(fit$var))[ok])))
  list(case = id, kind = "cox", formula = deparse(formula), file = "lung.csv", time = "time", event = "status",
       event_value = 2, terms = I(terms), categorical = I(categorical), description = description,
       term_labels = I(attr(terms(fit), "term.labels")),
       r_names = names(coef(fit)), names = unname(vapply(names(coef(fit)), survkit_name, "")),
       coef = unname(coef(fit)), se = unname(se), loglik = I(fit$loglik), n = fit$n, nevent = fit$nevent,
       aliased = names(coef(fit))[!ok], r_warning = w)
}

cases <- list(
  cox_case("lung_age_by_sex", Surv(time, status) ~ age:factor(sex), "age:sex", "sex",
           "numeric x factor without main effects: sex by indicators (2 columns)"),
  cox_case("lung_age_plus_age_by_sex", Surv(time, status) ~ age + age:factor(sex), c("age", "age:sex"), "sex",
           "numeric x factor with the numeric main effect: sex by contrasts"),
  cox_case("lung_sex_plus_age_by_sex", Surv(time, status) ~ factor(sex) + age:factor(sex), c("sex", "age:sex"), "sex",
           "numeric x factor with the factor main effect only: R reorders the term's variables (sex:age), sex by indicators"),
  cox_case("lung_sex_by_ecog", Surv(time, status) ~ factor(sex):factor(ph.ecog), "sex:ph.ecog", c("sex", "ph.ecog"),
           "factor x factor without mains: both by indicators, 8 columns, 2 aliased"),
  cox_case("lung_sex_plus_sex_by_ecog", Surv(time, status) ~ factor(sex) + factor(sex):factor(ph.ecog),
           c("sex", "sex:ph.ecog"), c("sex", "ph.ecog"),
           "factor x factor with one main: sex by indicators, ph.ecog by contrasts"),
  cox_case("lung_ecog_plus_sex_by_ecog", Surv(time, status) ~ factor(ph.ecog) + factor(sex):factor(ph.ecog),
           c("ph.ecog", "sex:ph.ecog"), c("sex", "ph.ecog"),
           "factor x factor with the other main, written after it: R relabels the term ph.ecog:sex"),
  cox_case("lung_age_sex_by_age_sex_ecog", Surv(time, status) ~ age + factor(sex) + age:factor(sex):factor(ph.ecog),
           c("age", "sex", "age:sex:ph.ecog"), c("sex", "ph.ecog"),
           "three-way with two mains: sex and ph.ecog by indicators"),
  cox_case("lung_age_by_sex_plus_three_way", Surv(time, status) ~ age:factor(sex) + age:factor(sex):factor(ph.ecog),
           c("age:sex", "age:sex:ph.ecog"), c("sex", "ph.ecog"),
           "three-way above a two-way: ph.ecog by contrasts, sex by indicators"),
  cox_case("lung_age_by_sex_plus_age_by_ecog", Surv(time, status) ~ age:factor(sex) + age:factor(ph.ecog),
           c("age:sex", "age:ph.ecog"), c("sex", "ph.ecog"),
           "R's subset rule: age (ph.ecog dropped) lies inside the preceding age:sex, so ph.ecog by contrasts"),
  cox_case("lung_age_by_sex_then_sex", Surv(time, status) ~ age:factor(sex) + factor(sex), c("age:sex", "sex"), "sex",
           "terms sorted by order (sex first) and relabelled sex:age")
)

# Fine-Gray, mgus2: progression (1) against death (2), crr with model.matrix's columns
fg_case <- function(id, formula, terms, description) {
  X <- model.matrix(formula, mg)[, -1, drop = FALSE]
  fit <- crr(mg$etime, mg$event, X, failcode = 1, cencode = 0)
  stopifnot(fit$converged)
  fg <- finegray(Surv(etime, factor(event, 0:2, c("censor", "pcm", "death"))) ~ ., data = mg, etype = "pcm")
  cf <- coxph(update(formula, Surv(fgstart, fgstop, fgstatus) ~ .), weight = fgwt, data = fg)
  list(case = id, kind = "finegray", formula = deparse(formula), file = "mgus2.csv", time = "etime", event = "event",
       censor_value = 0, cause = 1, terms = I(terms), categorical = I(character(0)), description = description,
       r_names = colnames(X), names = unname(vapply(colnames(X), survkit_name, "", text = "sex")),
       coef = unname(fit$coef), se = unname(sqrt(diag(fit$var))), model_se = unname(sqrt(diag(fit$invinf))),
       loglik = fit$loglik, loglik_null = fit$loglik.null, n = nrow(X),
       finegray_coxph = list(coef = unname(coef(cf)), loglik = cf$loglik))
}
cases <- c(cases, list(
  fg_case("mgus2_fg_age_by_sex", ~ age:sex, "age:sex", "numeric x text factor without mains: sex by indicators"),
  fg_case("mgus2_fg_age_plus_age_by_sex", ~ age + age:sex, c("age", "age:sex"), "with the numeric main: contrasts")
))

for (cs in cases) {
  cat(sprintf("%-34s %s\n   %s\n   coef %s\n   loglik %s\n", cs$case, cs$formula, paste(cs$r_names, collapse = " "),
              paste(signif(cs$coef, 6), collapse = " "), paste(signif(cs$loglik, 8), collapse = " ")))
  if (!is.null(cs$r_warning) && nzchar(cs$r_warning)) cat("   R warning:", cs$r_warning, "\n")
  cs$r_version <- R.version.string
  cs$r_survival <- as.character(packageVersion("survival"))
  writeLines(toJSON(cs, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), file.path(out, paste0(cs$case, ".json")))
}
cat("wrote", length(cases), "cases to", out, "\n")
