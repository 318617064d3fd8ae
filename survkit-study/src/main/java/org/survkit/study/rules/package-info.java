/**
 * The rule language of study files ({@code er == "positive" and her2 in ["negative", "0"]}): parsed once, bound to
 * a header, tested row by row; used by derived groups (two-valued: a comparison with a missing value is false) and by
 * the eligibility criteria {@code include} and {@code exclude} (three-valued: such a comparison is unknown).
 */
package org.survkit.study.rules;
