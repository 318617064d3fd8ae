/**
 * The rule language of study files ({@code er == "positive" and her2 in ["negative", "0"]}): parsed once, bound to
 * a header, tested row by row; used by derived groups and, later, inclusion and exclusion rules.
 */
package org.survkit.study.rules;
