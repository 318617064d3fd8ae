/**
 * Study files: {@link org.survkit.study.file.StudyReader} reads a study file (YAML, or JSON, its subset) into a
 * {@link org.survkit.study.Study}, naming the file, line and key of every mistake; {@link
 * org.survkit.study.file.StudyWriter} writes a study back (every text quoted so that no value can add a key);
 * {@link org.survkit.study.file.YamlTree} is the line-aware YAML tree they share.
 */
package org.survkit.study.file;
