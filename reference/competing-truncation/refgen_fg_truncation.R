# Fine-Gray with left truncation: survival's finegray(Surv(start, stop, event) ~ ., data) + the weighted
# coxph(Surv(fgstart, fgstop, fgstatus) ~ x, weight = fgwt) (Efron ties; robust variance by default since
# the weights are not integers), and cmprsk crr on the same data without truncation.
# Usage (from the repository root):
#   Rscript reference/competing-truncation/refgen_fg_truncation.R survkit-stats/src/test/resources/reference/competing-truncation
suppressPackageStartupMessages({library(survival); library(cmprsk); library(jsonlite)})
stopifnot(packageVersion("survival") == "3.5.3")
out <- commandArgs(TRUE)[1]; dir.create(out, showWarnings = FALSE, recursive = TRUE)

fgfit <- function(d, covs, cause, start = TRUE) {
  d$id <- seq_len(nrow(d))
  d$ev <- factor(d$status, sort(unique(d$status)), c("censor", paste0("c", sort(unique(d$status))[-1])))
  f <- if (start) as.formula(paste("Surv(start, stop, ev) ~", paste(c(covs, "id"), collapse = " + ")))
       else as.formula(paste("Surv(stop, ev) ~", paste(c(covs, "id"), collapse = " + ")))
  fg <- if (start) finegray(f, data = d, etype = paste0("c", cause), id = id) else finegray(f, data = d, etype = paste0("c", cause))
  fit <- coxph(as.formula(paste("Surv(fgstart, fgstop, fgstatus) ~", paste(covs, collapse = " + "))), data = fg,
               weights = fgwt)
  list(coef = unname(coef(fit)), se = unname(sqrt(diag(fit$naive.var %||% fit$var))),
       robust_se = unname(sqrt(diag(fit$var))), robust = !is.null(fit$naive.var), loglik = unname(fit$loglik),
       iter = fit$iter,
       expanded = list(id = fg$id, fgstart = fg$fgstart, fgstop = fg$fgstop, fgstatus = fg$fgstatus, fgwt = fg$fgwt))
}
`%||%` <- function(a, b) if (is.null(a)) b else a
cases <- list()

# 1. simulated left-truncated cohort (seeded): entry ~ U(0, 2), two causes, censoring, ties (times to 0.1)
set.seed(20261206)
n <- 400
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.5)
entry <- round(runif(n, 0, 2), 1)
t1 <- rexp(n, 0.15 * exp(0.5 * x1 - 0.3 * x2)); t2 <- rexp(n, 0.10 * exp(-0.2 * x1 + 0.4 * x2)); cz <- runif(n, 0, 12)
tt <- pmin(t1, t2, cz); st <- ifelse(tt == cz, 0, ifelse(tt == t1, 1, 2))
keep <- tt > entry                               # left truncation: only those still event-free at entry
d <- data.frame(start = entry, stop = pmax(round(tt, 1), entry + 0.1), status = st, x1 = round(x1, 3), x2 = x2)[keep, ]
cat("simulated:", nrow(d), "rows,", table(d$status), "\n")
r <- fgfit(d, c("x1", "x2"), 1)
cases$sim_truncated <- c(list(description = "seeded left-truncated cohort, entry U(0,2), 2 causes, cause 1",
  start = d$start, time = d$stop, status = d$status, x = list(x1 = d$x1, x2 = d$x2), cause = 1), r)

# 2. mgus2 on the age scale: (age, age + etime/12], progression (1) vs death (2), sex + mspike (complete)
m <- mgus2[!is.na(mgus2$mspike), ]
m$etime <- with(m, ifelse(pstat == 1, ptime, futime))
m$status <- with(m, ifelse(pstat == 1, 1, 2 * death))
m$start <- m$age; m$stop <- m$age + m$etime / 12
m <- m[m$stop > m$start, ]
m$male <- as.numeric(m$sex == "M")
r <- fgfit(m, c("male", "mspike"), 1)
cases$mgus2_age <- c(list(description = "mgus2 age scale (age, age + etime/12], complete mspike; cause 1 = progression, 2 = death",
  start = m$start, time = m$stop, status = m$status, x = list(male = m$male, mspike = m$mspike), cause = 1), r)
r2 <- fgfit(m, c("male", "mspike"), 2)
cases$mgus2_age_death <- c(cases$mgus2_age[c("description", "start", "time", "status", "x")], list(cause = 2), r2)
cases$mgus2_age_death$description <- "mgus2 age scale as mgus2_age; cause 2 = death"

# 3. no truncation and no ties: the simulated cohort before truncation, times unrounded, with finegray + coxph
#    and with crr (cmprsk 2.2-11): the same estimator then (the variances differ: crr's sandwich has the
#    censoring-distribution term, coxph's robust variance treats the rows as independent)
d0 <- data.frame(start = 0, stop = tt, status = st, x1 = round(x1, 3), x2 = x2)
r0 <- fgfit(d0, c("x1", "x2"), 1, start = FALSE)
cr <- crr(d0$stop, d0$status, cbind(x1 = d0$x1, x2 = d0$x2), failcode = 1, cencode = 0)
cases$sim_no_truncation <- c(list(description = "the simulated cohort before truncation, times unrounded (no ties): finegray(Surv(stop, ev)) + coxph, and crr",
  start = d0$start, time = d0$stop, status = d0$status, x = list(x1 = d0$x1, x2 = d0$x2), cause = 1), r0,
  list(crr_coef = unname(cr$coef), crr_se = unname(sqrt(diag(cr$var)))))
cat("no truncation: finegray+coxph", r0$coef, " crr", cr$coef, "\n")

for (nm in c("mgus2_age", "mgus2_age_death", "sim_no_truncation")) cases[[nm]]$expanded <- NULL   # large; checked on sim_truncated
for (nm in names(cases)) {
  cases[[nm]]$r_version <- R.version.string; cases[[nm]]$r_survival <- as.character(packageVersion("survival"))
  cases[[nm]]$r_cmprsk <- as.character(packageVersion("cmprsk"))
  writeLines(toJSON(cases[[nm]], auto_unbox = TRUE, digits = NA), file.path(out, paste0("fg_", nm, ".json")))
}
# the command line's test: the simulated cohort as a CSV and its fit (survkit-cli's test resources)
cli <- sub("survkit-stats", "survkit-cli", out, fixed = TRUE) |> sub(pattern = "/competing-truncation$", replacement = "")
write.csv(d, file.path(cli, "fg_truncated.csv"), row.names = FALSE)
writeLines(toJSON(cases$sim_truncated[c("description", "coef", "se", "robust_se", "loglik", "r_version", "r_survival")],
  auto_unbox = TRUE, digits = NA), file.path(cli, "fg_truncated.json"))
cat("wrote", length(cases), "cases (and fg_truncated.csv/.json to survkit-cli's test resources)\n")
