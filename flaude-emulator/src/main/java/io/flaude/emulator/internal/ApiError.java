package io.flaude.emulator.internal;

/** A failure a route handler answers with: an HTTP status and a Fly error body. */
final class ApiError extends RuntimeException {
    private final int status;
    /** Fly's machine-readable {@code status} (an {@code main.statusCode} value), or null. */
    private final String code;

    private ApiError(int status, String message, String code) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError of(int status, String message) {
        return new ApiError(status, message, null);
    }

    static ApiError invalid(String detail) {
        return of(400, "invalid_argument: " + detail);
    }

    /** 404 {@code "<what> not found"}, e.g. {@code app not found}. */
    static ApiError notFound(String what) {
        return of(404, what + " not found");
    }

    static ApiError nameTaken() {
        return new ApiError(422, "Name has already been taken", "name_taken");
    }

    ApiResponse toResponse() {
        var body = Json.object().put("error", getMessage());
        if (code != null) {
            body.put("status", code);
        }
        return ApiResponse.of(status, body);
    }
}
