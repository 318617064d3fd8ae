package org.survkit.web;

/**
 * A request the server refuses, with the HTTP status and one sentence for the user (shown as
 * {@code {"error": message}}). Never carries a stack trace or a server path to the client. A refusal that may
 * succeed later (busy, database unreachable) carries the seconds to wait, sent as {@code Retry-After}.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int retryAfterSeconds;

    ApiError(int status, String message) {
        this(status, message, 0);
    }

    ApiError(int status, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@return the HTTP status} */
    int status() {
        return status;
    }

    /** {@return the seconds after which trying again may succeed, or 0 for no Retry-After header} */
    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    /** 503 with Retry-After: the server cannot answer now, and will later. */
    static ApiError unavailable(String message, int retryAfterSeconds) {
        return new ApiError(503, message, retryAfterSeconds);
    }

    /** 507: the disk is full; nothing was saved. */
    static ApiError diskFull(String what) {
        return new ApiError(507, "the disk of the server's data folder is full, so " + what + " could not be saved."
                + " Free some space on that disk, then try again; what was saved before is safe.");
    }
}
