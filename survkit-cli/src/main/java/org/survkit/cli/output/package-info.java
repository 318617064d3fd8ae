/**
 * How the command line writes its results: every number format ({@link org.survkit.cli.output.Numbers}), text
 * tables laid out as R prints them, CSV and JSON conventions, and the output formats.
 */
package org.survkit.cli.output;
