/** survkit stats. */
package org.survkit.stats;
