# Builds the SPSS and Stata test files of StatFilesTest and the expected cells as CSV.
# Run from this folder:  Rscript make_stat_files.R   (needs R's haven; Debian: r-cran-haven)
# Written: cohort.sav (bytecode), cohort.zsav (zlib), cohort_plain.sav (uncompressed),
#   cohort_v8.dta (format 113), cohort_v10.dta (114), cohort_v12.dta (115), cohort_v13.dta (117),
#   cohort_v14.dta (118), cohort_v15.dta (119),
#   expected.csv (what survkit delivers for all of them but the old Stata formats),
#   expected_old_dta.csv (the same with the long note cut to Stata 8-12's 244 bytes).
#   strl_v13.dta, strl_v14.dta, strl_v15.dta (a 3000-character string, stored as a strL).
suppressPackageStartupMessages(library(haven))
set.seed(20240612)
n <- 40

id <- 1:n
time <- round(runif(n, 0.5, 60), 2)
time[c(5, 23)] <- NA                       # system-missing
status <- rbinom(n, 1, 0.55)
status[31] <- NA
group <- sample(1:3, n, replace = TRUE)
group[17] <- 4L                            # a value without a label
age <- round(rnorm(n, 58, 11))
age[c(4, 19, 33)] <- 999                   # declared user-missing in SPSS
size <- round(rgamma(n, 4, 0.2), 1)
size[c(8, 27)] <- 950                      # user-missing range 900 thru highest in SPSS
diag <- as.Date("2012-01-01") + sample(0:3000, n)
diag[12] <- NA
visit <- as.POSIXct("2019-03-01 00:00:00", tz = "UTC") + sample(0:(86400 * 900), n)
visit[c(2, 9)] <- as.POSIXct(c("2020-02-29 23:59:59", "1959-12-31 12:00:00"), tz = "UTC")
visit[14] <- NA
long_note <- paste(sprintf("%03d|", 0:74), collapse = "")   # 300 characters, each position readable
note <- sample(c("ok", "relapse", "lost to follow-up", "été à l'hôpital"), n, replace = TRUE)
note[3] <- long_note
note[6] <- ""
score <- c(0.1 + 0.2, 1 / 3, 1e-5, 123456.789, -2.5, 1e20, rep(c(0, 7.25), length.out = n - 6))

status_labels <- c(Alive = 0, Dead = 1)
group_labels <- c("Luminal A" = 1L, "HER2+" = 2L, "Triple négatif" = 3L)

sav <- data.frame(id = id, time = time)
sav$status <- labelled(status, status_labels, label = "Vital status")
sav$group <- labelled(group, group_labels, label = "Groupe récepteur")
sav$age <- labelled_spss(age, na_values = 999, label = "Age at diagnosis (years)")
sav$tumour_size_mm <- labelled_spss(size, na_range = c(900, Inf), label = "Tumour size (mm)")
sav$diag <- diag
attr(sav$diag, "label") <- "Date of diagnosis"
sav$visit <- visit
sav$note <- note
sav$score <- score

write_sav(sav, "cohort.sav")
write_sav(sav, "cohort.zsav", compress = "zsav")
write_sav(sav, "cohort_plain.sav", compress = "none")

# Stata: the user-missing codes become extended missing values .a and .b
dta <- sav
dta$age <- labelled(ifelse(age == 999, tagged_na("a"), age), label = "Age at diagnosis (years)")
dta$tumour_size_mm <- labelled(ifelse(size >= 900, tagged_na("b"), size), label = "Tumour size (mm)")
for (v in c(13, 14, 15)) write_dta(dta, sprintf("cohort_v%d.dta", v), version = v)
old <- dta
old$note[3] <- substr(long_note, 1, 244)
for (v in c(8, 10, 12)) write_dta(old, sprintf("cohort_v%d.dta", v), version = v)

# What survkit must deliver: label texts, "" for missing, ISO dates, numbers with at most 15 digits
num <- function(x) ifelse(is.na(x), "", sapply(x, function(v) format(v, digits = 15, scientific = FALSE)))
lab <- function(x, labels) ifelse(is.na(x), "", ifelse(x %in% labels, names(labels)[match(x, labels)], num(x)))
expected <- data.frame(
  id = num(id), time = num(time), status = lab(status, status_labels), group = lab(group, group_labels),
  age = ifelse(age == 999, "", num(age)), tumour_size_mm = ifelse(size >= 900, "", num(size)),
  diag = ifelse(is.na(diag), "", format(diag, "%Y-%m-%d")),
  visit = ifelse(is.na(visit), "", format(visit, "%Y-%m-%d", tz = "UTC")),
  note = note, score = num(score), stringsAsFactors = FALSE)
write.csv(expected, "expected.csv", row.names = FALSE, fileEncoding = "UTF-8")
expected$note[3] <- substr(long_note, 1, 244)
write.csv(expected, "expected_old_dta.csv", row.names = FALSE, fileEncoding = "UTF-8")

# Stata strLs (strings longer than 2045 bytes, formats 117+): strl_v13.dta, strl_v14.dta, strl_v15.dta
long_text <- paste(sprintf("%04d;", 0:599), collapse = "")   # 3000 characters
strl <- data.frame(id = 1:4, report = c("Zoë", long_text, "", long_text), stringsAsFactors = FALSE)
for (v in c(13, 14, 15)) write_dta(strl, sprintf("strl_v%d.dta", v), version = v)
