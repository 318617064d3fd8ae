/**
 * The model frame ({@link org.survkit.study.frame.ModelFrame}): cohort + terms + reference levels + the study's level
 * orders → the design matrix, with R's treatment contrasts; used by the command line, the report and the web app.
 */
package org.survkit.study.frame;
