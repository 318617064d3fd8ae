/**
 * The study's options, each defined once ({@link org.survkit.study.key.StudyKeys}): study-file key, command-line
 * flag, web label, documentation, kind, choices, default and the one parser every front end uses
 * ({@link org.survkit.study.key.StudyKey#parse}); {@link org.survkit.study.key.Where} names the key as the user
 * wrote it in messages.
 */
package org.survkit.study.key;
