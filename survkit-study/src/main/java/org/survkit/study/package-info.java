/**
 * The study model: what a cohort study analyses and how, as immutable records shared by every front end (the
 * command line, the study file and the web app). Its options are defined once in
 * {@link org.survkit.study.key.StudyKeys}; a study is made by {@link org.survkit.study.Study.Builder}, whose
 * {@code build} checks, for every front end, the rules of what combines with case weights and entry times
 * ({@link org.survkit.study.WeightsAndEntry}). How the report prints is part of the study ({@link org.survkit.study.Study.Output}): the P style
 * ({@link org.survkit.study.Study#pValueFormat()}), Table 1's table-wide choices
 * ({@link org.survkit.study.Table1Style}, {@link org.survkit.study.Percent}) and the pairwise table's hazard ratios
 * ({@link org.survkit.study.Comparisons#hazardRatios()}).
 */
package org.survkit.study;
