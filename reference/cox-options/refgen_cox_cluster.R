# R reference values for a study file's (and the web page's) Cox model with a cluster and an offset column:
# robust (sandwich) standard errors, robust Wald and score tests, and an offset.
# Run from the repository root:  Rscript reference/cox-options/refgen_cox_cluster.R reference/cox-options
# Reads reference/cox-options/data/lung_options.csv (written by refgen_cox_options.R: R's lung + log_age).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "reference/cox-options"
lung <- read.csv(file.path(out, "data", "lung_options.csv"))
fit <- coxph(Surv(time, status == 2) ~ age + sex + ph.ecog + offset(log_age), lung, cluster = inst)
s <- summary(fit)
co <- s$coefficients
res <- list(
  call = "coxph(Surv(time, status == 2) ~ age + sex + ph.ecog + offset(log_age), lung, cluster = inst)",
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  r_survival = as.character(packageVersion("survival")),
  n = fit$n, events = fit$nevent,
  coefficients = lapply(seq_len(nrow(co)), function(i) list(term = rownames(co)[i], coef = co[i, "coef"],
    se = co[i, "se(coef)"], robust_se = co[i, "robust se"], p_value = co[i, "Pr(>|z|)"],
    hr_lower = s$conf.int[i, "lower .95"], hr_upper = s$conf.int[i, "upper .95"])),
  robust_score_test = list(statistic = unname(s$robscore["test"]), df = unname(s$robscore["df"]),
    p_value = unname(s$robscore["pvalue"])),
  lr_test = list(statistic = unname(s$logtest["test"]), df = unname(s$logtest["df"])))
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, "cluster_offset_lung.json"))
