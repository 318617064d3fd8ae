# Stanford heart transplant data (Crowley & Hu 1977, J Am Stat Assoc 72:27), as shipped with R survival:
# writes the files of the time-dependent-treatment example and R's reference fits for its test.
#   Rscript make_heart.R        (R 4.2.2, survival 3.5-3, jsonlite)
suppressPackageStartupMessages({library(survival); library(jsonlite)})
h <- survival::heart   # (start, stop] rows: transplant switches from 0 to 1 at the transplant day
h$transplant <- as.integer(as.character(h$transplant))
out <- data.frame(id = h$id, start = h$start, stop = h$stop, event = h$event,
                  transplant = h$transplant, age = round(h$age + 48, 2), surgery = h$surgery)
write.csv(out, "heart.csv", row.names = FALSE, quote = FALSE)

# one row per patient, as a naive analysis would have it: "ever transplanted", follow-up from acceptance
last <- do.call(rbind, lapply(split(out, out$id), function(d) {
  d <- d[order(d$stop), ]
  data.frame(id = d$id[1], days = max(d$stop), dead = d$event[nrow(d)],
             transplanted = max(d$transplant), age = d$age[1], surgery = d$surgery[1],
             transplanted_by_30 = as.integer(any(d$transplant == 1 & d$start < 30)))
}))
write.csv(last, "heart_patients.csv", row.names = FALSE, quote = FALSE)

fit_json <- function(fit) {
  s <- summary(fit)
  list(coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))), names = names(coef(fit)),
       loglik = unname(fit$loglik), n = fit$n, nevent = fit$nevent,
       hr_lower = unname(s$conf.int[, "lower .95"]), hr_upper = unname(s$conf.int[, "upper .95"]))
}
naive <- coxph(Surv(days, dead) ~ transplanted + age + surgery, data = last)
td <- coxph(Surv(start, stop, event) ~ transplant + age + surgery, data = out)
lm30 <- subset(last, days > 30)
lm30$days <- lm30$days - 30
landmark <- coxph(Surv(days, dead) ~ transplanted_by_30 + age + surgery, data = lm30)
ref <- list(source = "R 4.2.2, survival 3.5-3: make_heart.R", naive = fit_json(naive),
            time_dependent = fit_json(td), landmark_30 = fit_json(landmark))
writeLines(toJSON(ref, digits = NA, auto_unbox = TRUE, pretty = TRUE), "reference.json")
print(summary(naive)$conf.int); print(summary(td)$conf.int); print(summary(landmark)$conf.int)
