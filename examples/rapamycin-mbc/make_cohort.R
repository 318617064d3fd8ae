#!/usr/bin/env Rscript
## make_cohort.R -- generator of the SYNTHETIC example cohort examples/rapamycin-mbc/cohort.csv
##
## Nothing here is patient data. The file is simulated so that its summary numbers reproduce what
## a small published single-centre report on rapamycin added to hormone therapy in metastatic
## breast cancer prints (see README.md): 43 women, its table of clinical variables, three receptor
## subgroups, their 5-year overall survival and the three pairwise log-rank P values.
##
## Usage (from anywhere):   Rscript examples/rapamycin-mbc/make_cohort.R
## The script is seeded: running it again rewrites a byte-identical cohort.csv (R 4.2, survival 3.5).
## Then verify with:       Rscript examples/rapamycin-mbc/check_cohort.R
##
## How it works
##  1. Every patient has three latent quantities:
##       start    date of diagnosis of metastasis = start of rapamycin, uniform over 2010-2014;
##       death    time of death = 12 months + a Weibull draw (subgroup-specific shape: receptor-
##                positive HER2- few and late deaths, triple positive many, triple negative early);
##                the +12 months is the study's inclusion rule (on rapamycin for at least a year),
##                so every patient survives >= 12 months -- immortal time, kept on purpose;
##       lost     with probability 10% the patient is lost to follow-up at a uniform time between
##                12 months and the data cut-off, otherwise followed to the cut-off 2016-12-31.
##     Observed: last contact = first of death, loss, cut-off; months = days / 30.4375.
##  2. Hard constraints, per subgroup: Kaplan-Meier survival at 60 months prints as the paper's
##     percentage (one decimal), at least 5% of the rounding window away from either boundary;
##     at least one patient still at risk at 60 months; no death after 60 months (so every 5-year
##     number is the same with and without censoring follow-up at 60 months); start dates that
##     still look like steady recruitment (Kolmogorov-Smirnov distance to the uniform below its
##     10% critical value per subgroup, 20% in the whole cohort; chi-square of the enrolments per
##     calendar year per subgroup, and per half-year in the whole cohort, below its 20% critical
##     value), so the search cannot buy the P values with a burst of enrolments. Each subgroup is
##     first redrawn until it meets them.
##  3. Adjustment loop (simulated annealing): redraw one latent quantity of one random patient;
##     moves that break a hard constraint are rejected; the loss is how far (log scale) the three
##     pairwise log-rank P values are outside the windows in which they print as the paper's
##     0.006, 0.03 and 0.3 (again with a 5% margin), computed on the full follow-up and with
##     follow-up censored at 60 months. Stops at loss 0; if MAX_IT moves do not get there, it
##     starts again from step 2. A short polishing phase then keeps only moves that stay at loss 0
##     and bring the P values nearer the targets. The KM and log-rank used in the loop are small
##     re-implementations; the result is re-checked with survival::survfit / survdiff.
##  4. The other columns are drawn to the paper's exact counts (metastasis site, grade, radiation,
##     tamoxifen, letrozole); trastuzumab = exactly the HER2-positive patients; ages from
##     N(42, 9.9), whole years, redrawn until the printed mean and SD are 42 and 9.9.
##  5. Rows are sorted by start date and numbered. The subgroup is NOT a column: it is derived
##     from er / pr / her2 (check_cohort.R), as it would be from a hospital export.

suppressMessages(library(survival))

SEED <- 20161231L
set.seed(SEED, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else getwd()

## ---------------------------------------------------------------- design constants
DAYS_PER_MONTH <- 30.4375
ENTRY_FROM <- as.Date("2010-01-01")
ENTRY_TO   <- as.Date("2014-12-31")
CUTOFF     <- as.Date("2016-12-31")            # data cut-off: administrative censoring
MIN_DAYS   <- as.integer(ceiling(12 * DAYS_PER_MONTH))   # 366 days: >= 12 months on rapamycin
HORIZON    <- 60                               # months (5-year OS)
P_LOST     <- 0.10
MAX_IT     <- 30000L
POLISH_IT  <- 3000L
MAX_RESTARTS <- 50L

## Subgroups. HER2+ = 12 = the number treated with trastuzumab (the paper's group 2 all received
## it); triple negative 11 (72.7% = 8/11); hormone-receptor positive HER2- the other 20 (93.3% =
## 14/15 at the time of its one death).
GROUPS <- data.frame(
  group  = c("1", "2", "3"),
  label  = c("ER/PR+ HER2-", "triple positive", "triple negative"),
  n      = c(20L, 12L, 11L),
  km_txt = c("93.3", "42.8", "72.7"),          # printed 5-year OS, percent, one decimal
  shape  = c(2.5, 1.2, 0.6),                   # Weibull shape of (death time - 12 months)
  s48    = c(0.93, 0.43, 0.73),                # its survival from 12 to 60 months
  stringsAsFactors = FALSE)
GROUPS$scale <- 48 / (-log(GROUPS$s48))^(1 / GROUPS$shape)    # Weibull scale, months
## pairwise log-rank targets as printed in the paper
P_TARGET <- list(c("1", "2", "0.006"), c("1", "3", "0.03"), c("2", "3", "0.3"))

## ---------------------------------------------------------------- helpers
km_at <- function(t, d, h = HORIZON) {        # KM survival at h and number at risk at h
  s <- 1
  for (x in sort(unique(t[d == 1 & t <= h]))) s <- s * (1 - sum(t == x & d == 1) / sum(t >= x))
  c(surv = s, n_risk = sum(t >= h))
}
logrank_p <- function(t, d, in1) {            # two-group log-rank (= survdiff, rho = 0)
  o_e <- 0; v <- 0
  for (x in sort(unique(t[d == 1]))) {
    at <- t >= x; n <- sum(at); n1 <- sum(at & in1)
    dd <- sum(t == x & d == 1); d1 <- sum(t == x & d == 1 & in1)
    o_e <- o_e + d1 - dd * n1 / n
    if (n > 1) v <- v + dd * (n1 / n) * (1 - n1 / n) * (n - dd) / (n - 1)
  }
  if (v <= 0) 1 else pchisq(o_e^2 / v, 1, lower.tail = FALSE)
}
## window in which x prints as txt (rounded to txt's decimals), shrunk by `margin` of its width
## at both ends so that any correct implementation rounds x the same way
window <- function(txt, margin = 0.05) {
  dec <- nchar(sub("^[^.]*\\.?", "", txt)); half <- 0.5 * 10^-dec; v <- as.numeric(txt)
  c(v - half * (1 - margin), v + half * (1 - margin))
}
prints_as <- function(x, txt, margin = 0.05) {
  w <- window(txt, margin); !is.na(x) && x >= w[1] && x < w[2]
}

group_of <- rep(GROUPS$group, GROUPS$n)
N <- length(group_of)
gi <- match(group_of, GROUPS$group)
admin_days <- function(start) as.integer(CUTOFF - ENTRY_FROM) - start      # start: day offset

draw_start <- function(k) sample.int(as.integer(ENTRY_TO - ENTRY_FROM) + 1L, k, replace = TRUE) - 1L
draw_death <- function(g) floor(rweibull(length(g), GROUPS$shape[g], GROUPS$scale[g]) * DAYS_PER_MONTH)
draw_lost  <- function(k) ifelse(runif(k) < P_LOST, runif(k), Inf)   # fraction of the way to cut-off

observe <- function(st) {
  admin <- admin_days(st$start)
  lost  <- ifelse(is.finite(st$lost), MIN_DAYS + floor(st$lost * (admin - MIN_DAYS)), Inf)
  death <- MIN_DAYS + st$death
  cens  <- pmin(admin, lost)
  dead  <- as.integer(death <= cens)
  days  <- ifelse(dead == 1, death, cens)
  list(days = days, t = days / DAYS_PER_MONTH, d = dead)
}
ks_uniform <- function(x, width) {            # Kolmogorov-Smirnov distance to uniform(0, width)
  u <- sort(x) / width; n <- length(u)
  max(seq_len(n) / n - u, u - (seq_len(n) - 1) / n)
}
ENTRY_WIDTH <- as.integer(ENTRY_TO - ENTRY_FROM) + 1L
group_ok <- function(o, g, st) {               # hard constraints of subgroup g (index)
  s <- gi == g
  k <- km_at(o$t[s], o$d[s])
  k[["n_risk"]] >= 1 && prints_as(100 * k[["surv"]], GROUPS$km_txt[g]) &&
    !any(o$d[s] == 1 & o$t[s] > HORIZON) &&
    ## start dates must still look like steady recruitment over 2010-2014: KS distance to the
    ## uniform below the asymptotic 10% critical value in the subgroup, 20% in the whole cohort
    ks_uniform(st$start[s], ENTRY_WIDTH) < 1.224 / sqrt(sum(s)) &&
    ks_uniform(st$start, ENTRY_WIDTH) < 1.073 / sqrt(N) &&
    ## ... and no burst of enrolments: chi-square of the counts per calendar year (subgroup)
    ## and per half-year (whole cohort) against equal counts below its 20% critical value
    chisq_equal(st$start[s], 5L) < qchisq(0.8, 4) && chisq_equal(st$start, 10L) < qchisq(0.8, 9)
}
chisq_equal <- function(x, bins) {             # x: day offsets in the entry window
  k <- tabulate(pmin(bins, 1L + floor(x / (ENTRY_WIDTH / bins))), bins); e <- length(x) / bins
  sum((k - e)^2 / e)
}
p_values <- function(o) {                      # full follow-up and censored at 60 months
  h <- list(t = pmin(o$t, HORIZON), d = as.integer(o$d == 1 & o$t <= HORIZON))
  out <- NULL
  for (pt in P_TARGET) {
    s <- group_of %in% pt[1:2]; in1 <- group_of[s] == pt[1]
    out <- rbind(out, c(full = logrank_p(o$t[s], o$d[s], in1), h60 = logrank_p(h$t[s], h$d[s], in1)))
  }
  out
}
loss <- function(p) {                          # 0 when every P value prints as targeted
  L <- 0
  for (r in seq_along(P_TARGET)) {
    w <- window(P_TARGET[[r]][3])
    for (x in p[r, ]) L <- L + max(0, log(w[1]) - log(x), log(x) - log(w[2])) / log(w[2] / w[1])
  }
  L
}
centre_distance <- function(p) sum(abs(log(p[, "full"] / as.numeric(sapply(P_TARGET, `[`, 3)))))

## ---------------------------------------------------------------- 2-3. search / adjustment loop
propose <- function(st) {
  i <- sample.int(N, 1L)
  switch(sample.int(3L, 1L),
         st$start[i] <- draw_start(1L),
         st$death[i] <- draw_death(gi[i]),
         st$lost[i]  <- draw_lost(1L))
  list(st = st, g = gi[i])
}
restarts <- 0L
repeat {
  restarts <- restarts + 1L
  st <- list(start = draw_start(N), death = draw_death(gi), lost = draw_lost(N))
  for (g in seq_len(nrow(GROUPS))) {           # step 2: each subgroup meets its constraints
    s <- which(gi == g)
    repeat {
      st$start[s] <- draw_start(length(s)); st$death[s] <- draw_death(gi[s]); st$lost[s] <- draw_lost(length(s))
      if (group_ok(observe(st), g, st)) break
    }
  }
  cur <- loss(p_values(observe(st))); temp <- 0.5; it <- 0L
  while (cur > 0 && it < MAX_IT) {             # step 3: annealing on the P values
    it <- it + 1L
    mv <- propose(st); o <- observe(mv$st)
    if (!group_ok(o, mv$g, mv$st)) next
    new <- loss(p_values(o))
    if (new <= cur || runif(1) < exp(-(new - cur) / temp)) { st <- mv$st; cur <- new }
    temp <- max(0.01, temp * 0.999)
  }
  if (cur == 0) break
  if (restarts >= MAX_RESTARTS) stop("no cohort found: relax the constraints or change SEED")
}
cd <- centre_distance(p_values(observe(st)))
for (k in seq_len(POLISH_IT)) {                # polishing: stay at loss 0, move nearer the targets
  mv <- propose(st); o <- observe(mv$st)
  if (!group_ok(o, mv$g, mv$st)) next
  p <- p_values(o)
  if (loss(p) == 0 && centre_distance(p) < cd) { st <- mv$st; cd <- centre_distance(p) }
}
message(sprintf("survival part: %d restart(s), %d annealing moves in the last", restarts, it))

o <- observe(st)
sv <- data.frame(group = group_of, start = ENTRY_FROM + st$start, days = o$days,
                 months = o$t, dead = o$d, stringsAsFactors = FALSE)

## re-check with the survival package
s60 <- summary(survfit(Surv(months, dead) ~ group, data = sv), times = HORIZON)$surv
stopifnot(all(mapply(prints_as, 100 * s60, GROUPS$km_txt)))
for (pt in P_TARGET) {
  sd_ <- survdiff(Surv(months, dead) ~ group, data = sv[sv$group %in% pt[1:2], ])
  stopifnot(prints_as(pchisq(sd_$chisq, 1, lower.tail = FALSE), pt[3]))
}
stopifnot(all(sv$days >= MIN_DAYS), all(sv$start + sv$days <= CUTOFF),
          all(sv$start >= ENTRY_FROM & sv$start <= ENTRY_TO))

## ---------------------------------------------------------------- 4. the other columns
pick <- function(levels, counts) sample(rep(levels, counts))  # exact counts, random order
g1 <- sv$group == "1"; g2 <- sv$group == "2"; g3 <- sv$group == "3"
## receptors: group 1 ER and/or PR positive (mostly both), HER2 negative; group 2 all positive;
## group 3 all negative
hr_pattern <- pick(c("ER+PR+", "ER+PR-", "ER-PR+"), c(15L, 4L, 1L))
er <- pr <- her2 <- character(N)
er[g1] <- ifelse(substr(hr_pattern, 3, 3) == "+", "positive", "negative")
pr[g1] <- ifelse(substr(hr_pattern, 6, 6) == "+", "positive", "negative")
her2[g1] <- "negative"
er[g2] <- pr[g2] <- her2[g2] <- "positive"
er[g3] <- pr[g3] <- her2[g3] <- "negative"

metastasis_site <- pick(c("bone", "liver", "lung", "brain"), c(25L, 8L, 6L, 4L))
grade           <- pick(c("I", "II", "III"), c(5L, 29L, 9L))
radiation       <- pick(c("yes", "no"), c(32L, 11L))
## every patient had hormone therapy: tamoxifen 34, letrozole 24 -> 15 both, 19 / 9 one only
hormone     <- pick(c("both", "tamoxifen", "letrozole"), c(15L, 19L, 9L))
tamoxifen   <- ifelse(hormone %in% c("both", "tamoxifen"), "yes", "no")
letrozole   <- ifelse(hormone %in% c("both", "letrozole"), "yes", "no")
trastuzumab <- ifelse(her2 == "positive", "yes", "no")        # 12
rapamycin   <- rep("yes", N)

## age at breast cancer diagnosis, whole years; printed mean 42 and SD 9.9
repeat {
  age <- round(rnorm(N, 42, 9.9))
  if (all(age >= 24 & age <= 70) && prints_as(mean(age), "42") && prints_as(sd(age), "9.9", 0.1)) break
}

## cause of death for the competing-risks illustration, drawn last (with its own seed) so that every
## column above is unchanged: the paper does not report causes; about two thirds breast cancer
set.seed(SEED + 1L, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")
death_cause <- ifelse(sv$dead == 1, ifelse(runif(N) < 2 / 3, "breast cancer", "other cause"), "none")

## ---------------------------------------------------------------- 5. assemble and write
last_contact <- sv$start + sv$days
cohort <- data.frame(
  age = as.integer(age), er = er, pr = pr, her2 = her2, grade = grade,
  metastasis_site = metastasis_site, radiation = radiation, tamoxifen = tamoxifen,
  letrozole = letrozole, trastuzumab = trastuzumab, rapamycin = rapamycin,
  rapamycin_start = format(sv$start, "%Y-%m-%d"),
  last_contact = format(last_contact, "%Y-%m-%d"),
  vital_status = ifelse(sv$dead == 1, "dead", "alive"),
  death_cause = death_cause,  # none (alive), breast cancer, other cause (synthetic, see README)
  stringsAsFactors = FALSE)
cohort <- cohort[order(sv$start, last_contact, age), ]
cohort <- cbind(patient_id = sprintf("RMBC-%02d", seq_len(N)), cohort)
rownames(cohort) <- NULL

out <- file.path(out_dir, "cohort.csv")
write.csv(cohort, out, row.names = FALSE, quote = FALSE, fileEncoding = "UTF-8")
message(sprintf("wrote %s (%d patients)", out, N))
