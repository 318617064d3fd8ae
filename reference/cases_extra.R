# Cases for refgen_extra.R. Run from /work/main:
#   Rscript reference/refgen_extra.R survkit-stats/src/test/resources/reference/extra reference/cases_extra.R
# Shared datasets (exported from survival 3.5-3 by shared/tools/export_datasets.R) are read from
# ../shared/datasets unless SURVKIT_SHARED_DATASETS points elsewhere; synthetic ones from reference/data.
SD <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
XD <- "reference/data"
cases <- list(
  # ---- the five shared cases again (same at/tau as shared/tools/cases_visible.R)
  list(name = "extra_lung_sex", description = "lung by sex, stratified by ph.ecog (rows with ph.ecog NA left out of the stratified tests only)",
       file = file.path(SD, "lung.csv"), time = "time", event = "status", event_value = 2, group = "sex",
       strata = "ph.ecog", at = c(180, 365, 730), tau = 730),
  list(name = "extra_veteran_trt", description = "veteran by trt",
       file = file.path(SD, "veteran.csv"), time = "time", event = "status", event_value = 1, group = "trt",
       at = c(30, 90, 180, 365), tau = 365),
  list(name = "extra_gbsg_hormon", description = "gbsg (recurrence-free survival) by hormon, stratified by meno",
       file = file.path(SD, "gbsg.csv"), time = "rfstime", event = "status", event_value = 1, group = "hormon",
       strata = "meno", at = c(365, 1095, 1825), tau = 1825),
  list(name = "extra_aml_x", description = "aml by x (Maintained is the reference level)",
       file = file.path(SD, "aml.csv"), time = "time", event = "status", event_value = 1, group = "x",
       at = c(12, 24, 36), tau = 48),
  list(name = "extra_lung_all", description = "lung, one curve (km and followup only)",
       file = file.path(SD, "lung.csv"), time = "time", event = "status", event_value = 2, group = NULL,
       at = c(365), tau = 1000),
  # ---- synthetic and edge cases
  list(name = "extra_ties", description = "(a) heavy ties: 3 groups, integer times, censorings at death times; last time 8 is one death with one at risk (S = 0 for A, pooled S(t-) weight at a one-subject risk set)",
       file = file.path(XD, "ties.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 2, 2.5, 8, 10), tau = c(4.5, 8, 3)),
  list(name = "extra_single_subject", description = "(b) group B has exactly one subject (death at 7)",
       file = file.path(XD, "single_subject.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 7, 7.5, 14, 20), tau = c(7, 14, 16)),
  list(name = "extra_all_censored", description = "(c) all-censored groups: C censored late (at risk at deaths), D censored before the first death; checks: survdiff without D is unchanged, without C it changes",
       file = file.path(XD, "all_censored.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 0.5, 3, 20, 25), tau = c(10, 20), drop_checks = list("D", "C", c("C", "D"))),
  list(name = "extra_time_zero", description = "(d) deaths and a censoring at time 0; tau = 0 as third RMST horizon",
       file = file.path(XD, "time_zero.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 1, 1.5, 15, 20), tau = c(5, 15, 0)),
  list(name = "extra_flat_half", description = "(e) Z reaches S = 0; H has S = 0.75 on [2,3) and 0.5 on [4,7); T has 0.75 on [2,3) and 0.5 from 3 to its last (censored) time 8; quantile rows 4-5 of each curve are band probes (p = 1 - upper, 1 - lower band at one death)",
       file = file.path(XD, "flat_half.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 3, 5.5, 6, 7, 12), tau = c(6, 10, 4), band_probes = TRUE),
  list(name = "extra_timefix", description = "(f) times closer than R's timefix tolerance: 0.1+0.2 vs 0.3 and 1 vs 1+1e-10 merged (absolute rule), 4 vs 4.00000005 merged (relative rule), 2 vs 2.000001 kept apart",
       file = file.path(XD, "timefix.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 0.3, 1, 2.0000005, 4, 12, 15), tau = c(4, 12), timefix_report = TRUE),
  list(name = "extra_strata_dose", description = "(g) dose groups 0, 1, 3 in strata S1-S4; S4 has no dose-3 subject",
       file = file.path(XD, "strata_dose.csv"), time = "time", event = "status", event_value = 1, group = "group",
       strata = "strata", at = c(0, 5, 10.5, 23, 30), tau = c(10, 23)),
  list(name = "extra_veteran_celltype", description = "(h) veteran by celltype (4 groups), trend with rank scores, stratified by trt",
       file = file.path(SD, "veteran.csv"), time = "time", event = "status", event_value = 1, group = "celltype",
       strata = "trt", at = c(0, 30, 90, 180, 365, 1000), tau = c(365, 999)),
  list(name = "extra_random300", description = "(i) 300 seeded rows, dose groups 1, 2, 10 (numeric order), times rounded to 0.1; last time 23.3 (censored), last death 22.6",
       file = file.path(XD, "random300.csv"), time = "time", event = "status", event_value = 1, group = "group",
       at = c(0, 5, 10.05, 22.6, 23.3, 30), tau = c(20, 23.3, 12.35))
)
