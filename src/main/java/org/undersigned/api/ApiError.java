package org.undersigned.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the authenticated API that is not data: the same {@code {"error": ..., "status": ...}}
 * as the public API's errors, with more fields where they help (the problems of each field), and
 * without {@code Access-Control-Allow-Origin} (see {@link ApiRoutes}).
 */
final class ApiError extends RuntimeException {
    final int status;
    final Map<String, Object> body = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, String error) {
        super(error, null, false, false);
        this.status = status;
        body.put("error", error);
        body.put("status", status);
    }

    ApiError with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
