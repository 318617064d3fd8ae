/**
 * Presets: the defaults of another package (R, GraphPad Prism, SAS, lifelines) for the Kaplan–Meier
 * confidence interval, the median rule and the comparison test, so that its numbers can be reproduced
 * exactly ({@link org.survkit.stats.preset.Preset}). A preset spans the {@code km} and {@code logrank}
 * options and only sets defaults: an explicit option still wins.
 */
package org.survkit.stats.preset;
