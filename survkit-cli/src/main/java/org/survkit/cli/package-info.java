/** survkit cli. */
package org.survkit.cli;
