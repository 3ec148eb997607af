package org.undersigned.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.regex.Pattern;

/** Headers every response carries, and the refusal of state-changing requests from other sites. */
public final class SecurityHeaders {
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";
    /**
     * An embed and the answers of the forms inside it may sit in another site's frame; nothing else
     * may, whatever a slug is called (a petition named "embed" leaves its admin pages unframeable).
     */
    private static final Pattern EMBED = Pattern.compile("/(statements|campaigns)/[^/]+/embed(/resend|/correct)?");
    private final boolean https;

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        boolean embed = EMBED.matcher(ctx.path()).matches();
        ctx.header("Content-Security-Policy", CSP + (embed ? "*" : "'none'"));
        if (!embed) ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // the old XSS auditor is off, as OWASP advises: it created leaks of its own, and the CSP does the job
        ctx.header("X-XSS-Protection", "0");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    /**
     * A browser says where a request comes from; a POST started by another site's page is refused.
     * One-click unsubscribe (RFC 8058) is posted by mail clients and stays open.
     */
    public void refuseCrossSitePosts(Context ctx) {
        if (!ctx.method().name().equals("POST") || ctx.path().startsWith("/unsubscribe/")) return;
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            throw new ForbiddenResponse("cross-site form submission");
        }
    }

    /** Pages that hold a secret link's content or personal data stay out of every cache. */
    public static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
