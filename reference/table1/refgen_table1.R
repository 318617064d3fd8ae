# Reference values for survkit's Table 1 statistics (org.survkit.stats.baseline: Table1, ContinuousSummary,
# CategoricalSummary, TwoSampleTTest, OneWayAnova, WilcoxonRankSum, KruskalWallis, ChiSquareIndependence,
# FisherExact, ShapiroWilk, Quantiles, StandardizedMeanDifference).
#
# Usage, from /work/main (R 4.2.2, base R + stats; jsonlite 1.8.4 only writes the JSON):
#   Rscript reference/table1/refgen_table1.R reference/table1 survkit-stats/src/test/resources/reference/table1
# Every JSON file is written to each directory given (default: the two above). The shared datasets are
# read from ../shared/datasets (override with SURVKIT_SHARED_DATASETS=DIR); synthetic data are made here
# (seeded) and written into the JSON. Numbers are written with 15 significant digits (toJSON(digits = NA));
# every synthetic input vector is checked to survive that round trip exactly. NA/NaN/Inf -> null.
#
# What R computes (all base R 4.2.2, stats):
#   summaries    n, missing, mean(), sd(), median(), quantile(type = 7) at 0.25 / 0.75, min(), max()
#   categorical  table() of the non-missing values; percent = 100 * count / non-missing
#   t            t.test(x1, x2) (Welch, R's default var.equal = FALSE) and t.test(var.equal = TRUE)
#   anova        oneway.test(var.equal = TRUE) (checked equal to summary(aov())), and var.equal = FALSE
#   wilcoxon     wilcox.test(x1, x2) with R's defaults: exact iff n1 < 50 and n2 < 50 and no ties,
#                else normal approximation with tie correction and continuity correction
#   kruskal      kruskal.test(list(...)) (tie-corrected)
#   chisq        chisq.test(tab, correct = FALSE) and chisq.test(tab) (R's default: Yates only for 2 x 2)
#                on the table with all-zero rows and columns dropped (R itself gives NaN on zero margins)
#   fisher       fisher.test(tab) two-sided (2 x 2: hypergeometric, sum(d[d <= d_obs * (1 + 1e-7)]);
#                larger tables: FEXACT network algorithm); null where FEXACT runs out of workspace
#   shapiro      shapiro.test(x) per group when 3 <= n <= 5000 and the values are not all equal
#   smd          written here from Yang & Dalton (2012), as tableone's StdDiff / StdDiffMulti compute it:
#                continuous |m1 - m2| / sqrt((s1^2 + s2^2) / 2) (0 when both the difference and the
#                variances are 0); categorical sqrt(T' S^+ T), T = p1 - p2 and S = (S1 + S2) / 2 with
#                S_g = diag(p_g) - p_g p_g' over the levels after the first, S^+ the Moore-Penrose
#                inverse (tolerance sqrt(eps) * largest singular value, as MASS::ginv); S = 0 gives 0 when
#                T = 0, else NaN. k > 2 groups: every pair (i < j), their max and mean (tableone prints the mean).
#   choice       survkit's Table 1 rule, written here in R:
#                continuous: Shapiro-Wilk p < 0.05 in any group with 3 <= n <= 5000 (a group of equal values
#                counts as non-normal) -> Wilcoxon (k = 2) / Kruskal-Wallis (k > 2), else Welch t (k = 2) /
#                one-way ANOVA (k > 2); categorical: any expected count < 5 -> Fisher, else chisq.test default.
suppressPackageStartupMessages(library(jsonlite))
invisible(Sys.setlocale("LC_COLLATE", "C"))
args <- commandArgs(trailingOnly = TRUE)
outdirs <- if (length(args)) args else c("reference/table1", "survkit-stats/src/test/resources/reference/table1")
datadir <- Sys.getenv("SURVKIT_SHARED_DATASETS", "../shared/datasets")
for (d in outdirs) dir.create(d, showWarnings = FALSE, recursive = TRUE)
ALPHA <- 0.05
MIN_EXPECTED <- 5

num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
n_checks <- 0
check <- function(ok, what) { if (!isTRUE(ok)) stop("check failed: ", what, call. = FALSE); n_checks <<- n_checks + 1 }
close_to <- function(a, b, tol = 1e-12) isTRUE(all(abs(a - b) <= tol * pmax(1, abs(b))))
roundtrips <- function(x) { r <- as.numeric(fromJSON(toJSON(x, digits = NA))); length(r) == length(x) && all(r == x) }
write_case <- function(obj, name) {
  txt <- toJSON(obj, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE)
  for (d in outdirs) writeLines(txt, file.path(d, paste0(name, ".json")))
  cat(sprintf("%-28s written\n", name))
}
sorted_levels <- function(u) {
  u <- unique(u); x <- suppressWarnings(as.numeric(u))
  if (all(!is.na(x))) u[order(x)] else sort(u, method = "radix")
}

# ---- summaries ----------------------------------------------------------------------------------
cont_summary <- function(x) {
  miss <- sum(is.na(x)); y <- x[!is.na(x)]; n <- length(y)
  if (n == 0) return(list(n = 0L, missing = miss, mean = NA, sd = NA, median = NA, q1 = NA, q3 = NA, min = NA, max = NA))
  q <- quantile(y, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  check(q[2] == median(y), "quantile type 7 at 0.5 equals median()")
  list(n = n, missing = miss, mean = mean(y), sd = num(if (n > 1) sd(y) else NA), median = median(y),
       q1 = q[1], q3 = q[3], min = min(y), max = max(y))
}

# ---- tests -------------------------------------------------------------------------------------
htest <- function(h, extra = list()) {
  out <- list(statistic = num(unname(h$statistic)), p_value = num(h$p.value))
  if (!is.null(h$parameter)) {
    p <- unname(h$parameter)
    if (length(p) == 1) out$df <- num(p) else { out$df1 <- num(p[1]); out$df2 <- num(p[2]) }
  }
  c(out, extra)
}
t_tests <- function(x1, x2) {
  w <- t.test(x1, x2); s <- t.test(x1, x2, var.equal = TRUE)
  list(welch = htest(w, list(lower = w$conf.int[1], upper = w$conf.int[2], std_err = w$stderr)),
       student = htest(s, list(lower = s$conf.int[1], upper = s$conf.int[2], std_err = s$stderr)))
}
anova_tests <- function(groups) {
  y <- unlist(groups); g <- factor(rep(seq_along(groups), lengths(groups)))
  eq <- oneway.test(y ~ g, var.equal = TRUE)
  a <- summary(aov(y ~ g))[[1]]
  check(close_to(unname(eq$statistic), a[1, "F value"], 1e-10), "oneway.test(var.equal = TRUE) == aov F")
  out <- list(anova = htest(eq))
  if (all(lengths(groups) >= 2)) out$welch_anova <- htest(oneway.test(y ~ g, var.equal = FALSE))
  out
}
wilcox_ref <- function(x1, x2) {
  w <- suppressWarnings(wilcox.test(x1, x2))
  list(statistic = unname(w$statistic), p_value = w$p.value, exact = grepl("exact", w$method),
       continuity = grepl("continuity", w$method))
}
kruskal_ref <- function(groups) htest(kruskal.test(groups))
shapiro_ref <- function(x) {
  n <- length(x)
  if (n < 3 || n > 5000 || max(x) == min(x)) return(NULL)
  s <- shapiro.test(x); list(n = n, statistic = unname(s$statistic), p_value = s$p.value)
}
pinv <- function(S) {                       # Moore-Penrose inverse, the algorithm of MASS::ginv
  s <- svd(S); pos <- s$d > max(sqrt(.Machine$double.eps) * s$d[1L], 0)
  if (!any(pos)) return(array(0, dim(S)[2L:1L]))
  s$v[, pos, drop = FALSE] %*% ((1 / s$d[pos]) * t(s$u[, pos, drop = FALSE]))
}
smd_cont_pair <- function(a, b) {
  d <- mean(a) - mean(b); v <- (var(a) + var(b)) / 2
  if (is.na(d) || is.na(v)) return(NA)
  if (d == 0 && v == 0) return(0)
  abs(d / sqrt(v))
}
smd_cat_pair <- function(c1, c2) {          # counts per level, all levels of the variable
  p1 <- c1 / sum(c1); p2 <- c2 / sum(c2)
  if (length(p1) > 1) { p1 <- p1[-1]; p2 <- p2[-1] }
  S1 <- diag(p1, length(p1)) - outer(p1, p1); S2 <- diag(p2, length(p2)) - outer(p2, p2)
  S <- (S1 + S2) / 2; T <- p1 - p2
  if (all(S == 0)) return(if (all(T == 0)) 0 else NaN)
  sqrt(drop(t(T) %*% pinv(S) %*% T))
}
smd_block <- function(pair_fun, items, names) {
  k <- length(items); pairs <- list()
  for (i in 1:(k - 1)) for (j in (i + 1):k)
    pairs[[length(pairs) + 1]] <- list(group1 = names[i], group2 = names[j], smd = num(pair_fun(items[[i]], items[[j]])))
  v <- sapply(pairs, function(p) if (is.null(p$smd)) NA else p$smd)
  list(pairs = pairs, max = num(max(v)), mean = num(mean(v)))
}
categorical_tests <- function(tab) {     # tab: levels x groups counts
  red <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  out <- list(reduced_rows = nrow(red), reduced_cols = ncol(red))
  if (nrow(red) < 2 || ncol(red) < 2) return(out)
  E <- outer(rowSums(red), colSums(red)) / sum(red)
  c0 <- suppressWarnings(chisq.test(red, correct = FALSE))
  cd <- suppressWarnings(chisq.test(red))
  out$min_expected <- min(E)
  out$chisq <- htest(c0)
  out$chisq_default <- htest(cd, list(yates = grepl("Yates", cd$method)))
  f <- tryCatch(fisher.test(red)$p.value, error = function(e) NA)
  out$fisher <- list(p_value = num(f))
  out
}

# ---- Table 1 cases on the shared datasets ----------------------------------------------------------
table1_case <- function(name, file, group, group_levels, continuous, categorical) {
  d <- read.csv(file.path(datadir, file))
  g <- as.character(d[[group]])
  if (is.null(group_levels)) group_levels <- sorted_levels(g[!is.na(g)])
  keep <- !is.na(g); d <- d[keep, , drop = FALSE]; g <- factor(g[keep], levels = group_levels)
  k <- length(group_levels)
  cont <- lapply(continuous, function(v) {
    x <- as.numeric(d[[v]]); split_x <- split(x, g)
    obs <- lapply(split_x, function(z) z[!is.na(z)])
    out <- list(variable = v, overall = cont_summary(x), groups = unname(lapply(split_x, cont_summary)))
    if (k == 2) { out <- c(out, t_tests(obs[[1]], obs[[2]])); out$wilcoxon <- wilcox_ref(obs[[1]], obs[[2]]) }
    out <- c(out, anova_tests(unname(obs)))
    out$kruskal <- kruskal_ref(unname(obs))
    out$shapiro <- unname(lapply(obs, shapiro_ref))
    out$smd <- smd_block(smd_cont_pair, obs, group_levels)
    sw <- sapply(obs, function(z) { s <- shapiro_ref(z)
      if (!is.null(s)) s$p_value < ALPHA else (length(z) >= 3 && length(z) <= 5000) })
    nonnormal <- any(sw)
    out$choice <- if (k == 2) {
      if (nonnormal) list(method = "WILCOXON", p_value = out$wilcoxon$p_value)
      else list(method = "WELCH_T", p_value = out$welch$p_value)
    } else {
      if (nonnormal) list(method = "KRUSKAL_WALLIS", p_value = out$kruskal$p_value)
      else list(method = "ANOVA", p_value = out$anova$p_value)
    }
    out
  })
  cat_rows <- lapply(categorical, function(v) {
    raw <- d[[v]]; x <- ifelse(is.na(raw), NA, as.character(raw))
    lv <- sorted_levels(x[!is.na(x)])
    tab <- table(factor(x, levels = lv), g)           # NA values are left out
    miss <- tapply(is.na(x), g, sum)
    out <- list(variable = v, levels = lv,
                overall = list(counts = as.integer(rowSums(tab)), n = sum(tab), missing = sum(is.na(x))),
                groups = lapply(seq_len(k), function(j) list(counts = as.integer(tab[, j]), n = sum(tab[, j]),
                                                              missing = unname(miss[j]))))
    out$percent_overall <- 100 * rowSums(tab) / sum(tab)
    out <- c(out, categorical_tests(unclass(tab)))
    out$smd <- smd_block(smd_cat_pair, lapply(seq_len(k), function(j) as.numeric(tab[, j])), group_levels)
    if (!is.null(out$min_expected)) {
      out$choice <- if (out$min_expected < MIN_EXPECTED)
        list(method = "FISHER_EXACT", p_value = out$fisher$p_value)
      else list(method = if (out$chisq_default$yates) "CHI_SQUARE_YATES" else "CHI_SQUARE",
                p_value = out$chisq_default$p_value)
    }
    out
  })
  write_case(list(case = name, file = file, group = group, groups = group_levels,
                  group_sizes = as.integer(table(g)), r_version = R.version.string,
                  continuous = cont, categorical = cat_rows), paste0("table1_", name))
}

table1_case("gbsg_hormon", "gbsg.csv", "hormon", NULL,
            c("age", "size", "nodes", "pgr", "er"), c("grade", "meno"))
table1_case("rotterdam_size", "rotterdam.csv", "size", c("<=20", "20-50", ">50"),
            c("age", "nodes", "pgr", "er"), c("meno", "grade", "hormon", "chemo"))
table1_case("lung_sex", "lung.csv", "sex", NULL,
            c("age", "ph.karno", "pat.karno", "meal.cal", "wt.loss"), c("ph.ecog"))

# ---- synthetic: Fisher's exact test and chi-square ------------------------------------------------
fisher_tables <- list(
  list(name = "tea_tasting_2x2", x = matrix(c(3, 1, 1, 3), 2)),
  list(name = "tiny_2x2", x = matrix(c(1, 0, 0, 2), 2)),
  list(name = "tiny_2x2_b", x = matrix(c(3, 0, 0, 3), 2)),
  list(name = "tiny_2x2_one_each", x = matrix(c(0, 1, 1, 0), 2)),
  list(name = "symmetric_2x2", x = matrix(c(2, 1, 1, 2), 2)),
  list(name = "zero_column_2x2", x = matrix(c(0, 0, 1, 5), 2)),
  list(name = "moderate_2x2", x = matrix(c(12, 5, 7, 20), 2)),
  list(name = "skewed_2x2", x = matrix(c(0, 9, 7, 2), 2)),
  list(name = "small_3x3", x = matrix(c(3, 1, 0, 1, 2, 2, 0, 1, 4), 3)),
  list(name = "symmetric_3x3", x = matrix(c(2, 1, 1, 1, 2, 1, 1, 1, 2), 3)),
  list(name = "sparse_3x3", x = matrix(c(1, 0, 0, 0, 1, 0, 0, 0, 1), 3)),
  list(name = "zero_row_3x3", x = matrix(c(2, 0, 3, 1, 0, 4, 0, 0, 2), 3)),
  list(name = "small_2x3", x = matrix(c(2, 5, 3, 1, 0, 4), 2)),
  list(name = "small_3x4", x = matrix(c(1, 2, 0, 3, 0, 1, 2, 2, 1, 0, 4, 1), 3)),
  list(name = "job_satisfaction_4x4", x = matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4)),
  list(name = "five_by_two", x = matrix(c(5, 8, 3, 10, 2, 9, 4, 7, 1, 11), 5)),
  list(name = "two_by_five_n200", x = matrix(c(20, 25, 30, 18, 15, 22, 10, 30, 5, 25), 2)),
  list(name = "small_5x5", x = matrix(c(1, 0, 2, 0, 1, 0, 2, 1, 0, 0, 1, 1, 0, 2, 0, 0, 0, 1, 1, 2, 2, 0, 0, 1, 0), 5)),
  list(name = "gbsg_grade_hormon_3x2", x = matrix(c(48, 281, 111, 33, 163, 50), 3)),
  list(name = "lung_ecog_sex_4x2", x = matrix(c(36, 71, 29, 1, 27, 42, 21, 0), 4)),
  # FEXACT needs more than the default workspace (2e5) here: "LDKEY is too small"
  list(name = "sparse_level_4x3_n600", x = matrix(c(70, 79, 77, 0, 60, 68, 63, 2, 64, 65, 54, 0), 4), workspace = 2e8)
)
set.seed(20240611)
for (i in 1:40) {
  r <- sample(2:4, 1); cc <- sample(2:4, 1); N <- sample(4:30, 1)
  x <- matrix(tabulate(sample(r * cc, N, replace = TRUE, prob = runif(r * cc)), r * cc), r)
  fisher_tables[[length(fisher_tables) + 1]] <- list(name = sprintf("random_%02d", i), x = x)
}
fisher_out <- lapply(fisher_tables, function(t) {
  x <- t$x; red <- x[rowSums(x) > 0, colSums(x) > 0, drop = FALSE]
  f <- if (nrow(red) < 2 || ncol(red) < 2) 1 else fisher.test(x, workspace = if (is.null(t$workspace)) 2e5 else t$workspace)$p.value
  out <- list(name = t$name, table = lapply(seq_len(nrow(x)), function(i) as.integer(x[i, ])), p_value = f)
  out <- c(out, categorical_tests(x)[c("min_expected", "chisq", "chisq_default")])
  out
})
write_case(list(r_version = R.version.string, tables = fisher_out), "fisher_chisq")

# chi-square corner cases (2 x 2 with |x - E| < 0.5, Yates vs none) on their own
chisq_tables <- list(list(name = "balanced_2x2", x = matrix(c(5, 5, 5, 5), 2)),
                     list(name = "quarter_off_2x2", x = matrix(c(3, 5, 5, 8), 2)),
                     list(name = "large_2x2", x = matrix(c(120, 80, 95, 105), 2)),
                     list(name = "three_by_three", x = matrix(c(20, 15, 30, 25, 35, 20, 15, 25, 30), 3)))
write_case(list(r_version = R.version.string, tables = lapply(chisq_tables, function(t) {
  E <- outer(rowSums(t$x), colSums(t$x)) / sum(t$x)
  c(list(name = t$name, table = lapply(seq_len(nrow(t$x)), function(i) as.integer(t$x[i, ])), min_expected = min(E)),
    list(chisq = htest(suppressWarnings(chisq.test(t$x, correct = FALSE))),
         chisq_default = htest(suppressWarnings(chisq.test(t$x)),
                               list(yates = grepl("Yates", suppressWarnings(chisq.test(t$x))$method)))))
})), "chisq_corner")

# ---- synthetic: two-sample and k-sample tests ----------------------------------------------------
set.seed(1906)
r6 <- function(x) round(x, 6)
samples <- list(
  list(name = "exact_10_12", x = r6(rnorm(10)), y = r6(rnorm(12, 0.8))),
  list(name = "ties_small", x = c(1, 2, 2, 3, 3, 3, 5, 8), y = c(2, 3, 4, 4, 6, 7, 9, 9, 10)),
  list(name = "exact_49_49", x = r6(rnorm(49)), y = r6(rnorm(49, 0.3))),
  list(name = "normal_50_30", x = r6(rnorm(50)), y = r6(rnorm(30, 0.3))),
  list(name = "normal_49_50", x = r6(rnorm(49)), y = r6(rnorm(50, -0.2))),
  list(name = "separated_20_20", x = r6(runif(20)), y = r6(runif(20) + 2)),
  list(name = "centre_3_3", x = c(1, 4, 5), y = c(2, 3, 6)),
  list(name = "pair_of_two", x = c(1.5, 2.5), y = c(3, 4.25, 6)),
  list(name = "one_vs_many", x = c(10), y = c(1, 2, 3, 4, 5, 6)),
  list(name = "skewed_ties_60_70", x = round(rexp(60), 1), y = round(rexp(70, 0.7), 1))
)
two_out <- lapply(samples, function(s) {
  check(roundtrips(s$x) && roundtrips(s$y), paste("round trip", s$name))
  out <- list(name = s$name, x = s$x, y = s$y, wilcoxon = wilcox_ref(s$x, s$y))
  wn <- suppressWarnings(wilcox.test(s$x, s$y, exact = FALSE))
  wnc <- suppressWarnings(wilcox.test(s$x, s$y, exact = FALSE, correct = FALSE))
  out$wilcoxon_normal <- list(statistic = unname(wn$statistic), p_value = wn$p.value)
  out$wilcoxon_normal_uncorrected <- list(statistic = unname(wnc$statistic), p_value = wnc$p.value)
  if (!any(duplicated(c(s$x, s$y)))) {
    we <- wilcox.test(s$x, s$y, exact = TRUE); out$wilcoxon_exact <- list(statistic = unname(we$statistic), p_value = we$p.value)
  }
  if (length(s$x) >= 2 && length(s$y) >= 2) out <- c(out, t_tests(s$x, s$y))
  else out$student <- htest(t.test(s$x, s$y, var.equal = TRUE), list(lower = t.test(s$x, s$y, var.equal = TRUE)$conf.int[1],
                                                                        upper = t.test(s$x, s$y, var.equal = TRUE)$conf.int[2]))
  out$kruskal <- kruskal_ref(list(s$x, s$y))
  a <- summary(aov(y ~ g, data.frame(y = c(s$x, s$y), g = factor(rep(1:2, c(length(s$x), length(s$y)))))))[[1]]
  out$anova <- list(statistic = a[1, "F value"], df1 = a[1, "Df"], df2 = a[2, "Df"], p_value = a[1, "Pr(>F)"])
  out
})
ksamples <- list(
  list(name = "three_small_ties", groups = list(c(1, 2, 2, 4), c(3, 3, 5, 6, 6), c(2, 7, 8))),
  list(name = "four_normal", groups = lapply(c(10, 12, 15, 9), function(n) r6(rnorm(n, n / 10)))),
  list(name = "three_pairs", groups = list(c(1, 2), c(2.5, 3.5), c(5, 7)))
)
k_out <- lapply(ksamples, function(s) {
  for (gx in s$groups) check(roundtrips(gx), paste("round trip", s$name))
  c(list(name = s$name, groups = s$groups), anova_tests(s$groups), list(kruskal = kruskal_ref(s$groups)))
})
write_case(list(r_version = R.version.string, two_sample = two_out, k_sample = k_out), "group_tests")

# ---- synthetic: Shapiro-Wilk --------------------------------------------------------------------
set.seed(1965)
sw <- list()
add_sw <- function(name, x) { check(roundtrips(x), paste("round trip", name))
  s <- shapiro.test(x); sw[[length(sw) + 1]] <<- list(name = name, x = x, statistic = unname(s$statistic), p_value = s$p.value) }
for (n in 3:60) add_sw(sprintf("normal_%d", n), r6(rnorm(n)))
for (n in c(3, 4, 5, 6, 7, 11, 12, 20, 50, 200)) add_sw(sprintf("exponential_%d", n), r6(rexp(n)))
add_sw("n3_two_tied", c(1, 1, 2))
add_sw("n3_equally_spaced", c(1, 2, 3))
add_sw("n4_one_outlier", c(0, 0, 0, 1))
add_sw("n11_uniform", r6(runif(11)))
add_sw("n50_bimodal", r6(c(rnorm(25, -2), rnorm(25, 2))))
add_sw("n100_integers", as.numeric(sample(1:6, 100, replace = TRUE)))
add_sw("n1000_normal", r6(rnorm(1000)))
add_sw("n5000_normal", r6(rnorm(5000, 50, 10)))
add_sw("n5000_lognormal", r6(rlnorm(5000)))
add_sw("n5000_t10", r6(rt(5000, 10)))
write_case(list(r_version = R.version.string, samples = sw), "shapiro_wilk")

# ---- synthetic: quantiles (type 7) and summaries -------------------------------------------------
set.seed(77)
probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
qv <- list(list(name = "one", x = c(5)), list(name = "two", x = c(2, 1)), list(name = "three", x = c(3, 1, 2)),
           list(name = "one_to_ten", x = as.numeric(1:10)), list(name = "ties", x = c(1, 1, 1, 2, 2, 5, 9)),
           list(name = "negative", x = c(-3.5, -1, 0, 0.25, 7, -2.75)),
           list(name = "normal_17", x = r6(rnorm(17, 100, 15))),
           list(name = "tenths", x = c(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)))
write_case(list(r_version = R.version.string, probs = probs, samples = lapply(qv, function(s) {
  check(roundtrips(s$x), paste("round trip", s$name))
  list(name = s$name, x = s$x, quantiles = quantile(s$x, probs, type = 7, names = FALSE), summary = cont_summary(s$x))
})), "quantiles")

# ---- synthetic: standardized mean differences ----------------------------------------------------
smd_cases <- list(
  list(name = "binary_half_quarter", counts = list(c(20, 20), c(30, 10))),
  list(name = "three_levels", counts = list(c(10, 20, 10), c(20, 10, 10))),
  list(name = "identical", counts = list(c(5, 5, 5), c(10, 10, 10))),
  list(name = "empty_level", counts = list(c(4, 0, 6), c(3, 0, 9))),
  list(name = "empty_first_level", counts = list(c(0, 4, 6), c(0, 7, 3))),
  list(name = "constant_same", counts = list(c(8, 0), c(5, 0))),
  list(name = "constant_different", counts = list(c(8, 0), c(0, 5))),
  list(name = "three_groups", counts = list(c(10, 5, 5), c(4, 8, 8), c(6, 6, 2)))
)
smd_out <- lapply(smd_cases, function(s) {
  c(list(name = s$name, counts = s$counts), smd_block(smd_cat_pair, s$counts, as.character(seq_along(s$counts))))
})
set.seed(2012)
smd_cont <- list(list(name = "two_normal", groups = list(r6(rnorm(30, 1, 2)), r6(rnorm(40, 2, 1)))),
                 list(name = "constant_equal", groups = list(c(3, 3, 3), c(3, 3))),
                 list(name = "three_groups", groups = list(r6(rnorm(10)), r6(rnorm(12, 1)), r6(rnorm(8, -1, 3)))))
smd_cont_out <- lapply(smd_cont, function(s) {
  c(list(name = s$name, groups = s$groups), smd_block(smd_cont_pair, s$groups, as.character(seq_along(s$groups))))
})
write_case(list(r_version = R.version.string, categorical = smd_out, continuous = smd_cont_out), "smd")

cat(sprintf("all %d checks passed\n", n_checks))
