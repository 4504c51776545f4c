package io.flaude.emulator.internal;

import java.util.List;
import java.util.Map;

/** One routed request, ready to be served: the operation it addresses and how to answer it. */
public final class Call {
    private final String operation;
    private final Router.Handler handler;
    private final Map<String, String> params;
    private final ApiResponse refusal;

    Call(String operation, Router.Handler handler, Map<String, String> params, ApiResponse refusal) {
        this.operation = operation;
        this.handler = handler;
        this.params = params;
        this.refusal = refusal;
    }

    /** The spec operationId this request addresses, or null when no route matched. */
    public String operation() {
        return operation;
    }

    /** What Fly's rate limits count this request against: its machine, else its app, else the organization. */
    public String scope() {
        return params.getOrDefault("machine_id", params.getOrDefault("app_name", ""));
    }

    /** Applies the request, with its headers (any case), to the emulator's state and returns the answer. */
    public ApiResponse serve(String rawQuery, String body, Map<String, List<String>> headers) {
        if (handler == null) {
            return refusal;
        }
        try {
            return handler.handle(new ApiRequest(params, rawQuery, body, headers));
        } catch (ApiError e) {
            return e.toResponse();
        }
    }
}
