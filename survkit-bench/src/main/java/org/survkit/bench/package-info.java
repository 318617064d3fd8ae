/**
 * JMH benchmarks of survkit's in-process engines against the targets of the performance issue
 * (Kaplan–Meier by group and the k-group log-rank test at 10<sup>6</sup> and 10<sup>7</sup> rows).
 * The R side of the comparison and the end-to-end CLI timing live in {@code bench/run.sh}.
 */
package org.survkit.bench;
