package org.survkit.web;

/**
 * A request the server refuses, with the HTTP status and one sentence for the user (shown as
 * {@code {"error": message}}). Never carries a stack trace or a server path to the client.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** {@return the HTTP status} */
    int status() {
        return status;
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
}
