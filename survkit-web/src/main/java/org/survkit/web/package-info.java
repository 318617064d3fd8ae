/**
 * {@code survkit serve}: a local web app (one bundled page and the JSON API it uses) that takes a clinician from a
 * spreadsheet to the Kaplan–Meier figure, the tests, a Cox model, the full report and the study file that reproduces
 * it from the command line. Every analysis is the command line's own ({@link org.survkit.cli.Main}, run per request
 * with its output captured), so the API answers exactly what {@code survkit km}, {@code compare} and {@code cox}
 * print with {@code --format json}. Access is guarded like a Jupyter server's: a random token, Host-header checks
 * against DNS rebinding, and a CSRF header on state-changing requests. What it promises under crashes, full disks,
 * hostile uploads and other local users (durable saves, checked dataset files, a memory queue, private files) is
 * in the repository's SECURITY.md.
 */
package org.survkit.web;
