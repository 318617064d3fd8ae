/**
 * Reconstruction of individual patient data from a published Kaplan–Meier curve by the algorithm of
 * Guyot et al. (2012): digitized (time, survival) coordinates plus the numbers at risk give one
 * (time, event) pair per patient. The entry point is {@link org.survkit.stats.reconstruct.IpdReconstruction},
 * which prepares the coordinates as a {@link org.survkit.stats.reconstruct.DigitizedCurve} and returns a
 * {@link org.survkit.stats.reconstruct.ReconstructedIpd}.
 */
package org.survkit.stats.reconstruct;
