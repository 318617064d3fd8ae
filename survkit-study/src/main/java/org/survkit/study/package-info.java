/**
 * The study model: what a cohort study analyses and how, as immutable records shared by every front end (the
 * command line, the study file and the web app). Its options are defined once in
 * {@link org.survkit.study.key.StudyKeys}.
 */
package org.survkit.study;
