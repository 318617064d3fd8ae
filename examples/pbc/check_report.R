# Reference values for the competing-risks section of examples/pbc/study.yaml, computed with R:
#   Rscript examples/pbc/check_report.R > examples/pbc/expected.json
# R 4.2.2, survival 3.5-3, cmprsk 2.2-11. ExampleStudiesTest compares the report's tables with them.
suppressPackageStartupMessages({library(survival); library(cmprsk); library(jsonlite)})
here <- tryCatch(dirname(sys.frame(1)$ofile), error = function(e) "examples/pbc")
d <- read.csv(file.path(here, "pbc.csv"))
d$Edema <- factor(ifelse(d$edema == 0, "No edema", ifelse(d$edema == 0.5, "Edema, untreated or resolved",
                                                            "Edema despite diuretics")),
                  levels = c("No edema", "Edema, untreated or resolved", "Edema despite diuretics"))
at <- c(1826, 3652)
ci <- cuminc(d$time, d$status, d$Edema, cencode = 0)
tp <- timepoints(ci, at)
curves <- list()
for (g in levels(d$Edema)) for (cause in c(1, 2)) {
  key <- paste(g, cause)
  curves[[length(curves) + 1]] <- list(group = g, cause = cause, cif = unname(tp$est[key, ]),
                                       variance = unname(tp$var[key, ]))
}
gray <- lapply(1:2, function(k) list(cause = k, statistic = unname(ci$Tests[k, "stat"]),
                                     p_value = unname(ci$Tests[k, "pv"]), df = unname(ci$Tests[k, "df"])))
X <- model.matrix(~ Edema + age + bili + albumin, data = d)[, -1]
fg <- crr(d$time, d$status, X, failcode = 2, cencode = 0)
coefs <- lapply(seq_along(fg$coef), function(j) list(term = colnames(X)[j], coef = unname(fg$coef[j]),
                                                     se = sqrt(fg$var[j, j])))
naive <- list()
for (g in levels(d$Edema)) {
  s <- d[d$Edema == g, ]
  if (max(s$time) < 3652) next
  for (cause in c(1, 2)) {
    km <- survfit(Surv(time, status == cause) ~ 1, data = s, timefix = FALSE)
    naive[[length(naive) + 1]] <- list(group = g, cause = cause, time = 3652,
                                       one_minus_km = 1 - summary(km, times = 3652)$surv)
  }
}
cat(toJSON(list(r_version = R.version.string, survival = as.character(packageVersion("survival")),
                cmprsk = as.character(packageVersion("cmprsk")), at = at, curves = curves, gray = gray,
                finegray = list(cause = 2, n = fg$n, coefficients = coefs), naive = naive),
           auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "\n")
