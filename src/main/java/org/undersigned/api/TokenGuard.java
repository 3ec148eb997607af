package org.undersigned.api;

import io.javalin.http.Context;
import org.undersigned.web.SecurityHeaders;

/** The door of every token route, /api/v1 and /api/osdi/v1 alike: a live token, counted against its rate limit. */
final class TokenGuard {
    private static final String CHALLENGE = "Bearer realm=\"undersigned\"";
    private final ApiTokens tokens;
    private final RateLimit rateLimit;

    TokenGuard(ApiTokens tokens, RateLimit rateLimit) {
        this.tokens = tokens;
        this.rateLimit = rateLimit;
    }

    /** The token's holder, counted against the token's rate limit; 401 or 429 otherwise. */
    Bearer bearer(Context ctx) {
        SecurityHeaders.noStore(ctx);
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "unauthorized").header("WWW-Authenticate", CHALLENGE);
        }
        Bearer bearer = tokens.authenticate(header.substring(7).strip()).orElseThrow(() -> new ApiError(401, "invalid_token")
                .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\""));
        long wait = rateLimit.take(bearer.tokenId());
        if (wait > 0) throw new ApiError(429, "too_many_requests").header("Retry-After", Long.toString(wait));
        return bearer;
    }
}
