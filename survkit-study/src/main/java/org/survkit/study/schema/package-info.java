/** The JSON Schema of a study, generated from the study keys ({@code survkit schema}). */
package org.survkit.study.schema;
