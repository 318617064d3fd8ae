/**
 * The study model: what a cohort study analyses and how, as immutable records shared by every front end (the
 * command line, the study file and the web app). Its options are defined once in
 * {@link org.survkit.study.key.StudyKeys}; the rules of what combines with case weights and entry times, for every
 * front end, in {@link org.survkit.study.WeightsAndEntry}.
 */
package org.survkit.study;
