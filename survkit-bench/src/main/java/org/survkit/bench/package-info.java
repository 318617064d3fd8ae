/** JMH benchmarks for survkit. */
package org.survkit.bench;
