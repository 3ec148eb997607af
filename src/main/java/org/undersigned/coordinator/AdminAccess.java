package org.undersigned.coordinator;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.undersigned.web.SecurityHeaders;
import org.undersigned.web.SignedIn;

/**
 * Guards everything under /admin: no-store, a live session or the login page, and on every
 * POST the session's CSRF token. Handlers read the coordinator with {@link #coordinator}.
 */
public final class AdminAccess {
    private static final String SESSION = "session";
    static final String CODE_PAGE = "/admin/login/code";
    static final String ENROL_PAGE = "/admin/account/totp";
    private final Sessions sessions;
    private final SecondFactor secondFactor;

    AdminAccess(Sessions sessions, SecondFactor secondFactor) {
        this.sessions = sessions;
        this.secondFactor = secondFactor;
    }

    void check(Context ctx) {
        SecurityHeaders.noStore(ctx);
        String path = ctx.path();
        if (path.equals("/admin/login") || path.equals("/admin/login/forgot") || path.startsWith("/admin/invitations/")
                || path.startsWith("/admin/password/")) return;
        var session = sessions.current(ctx);
        if (session.isEmpty()) {
            String next = ctx.method().name().equals("GET") ? path + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/admin";
            ctx.redirect("/admin/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        boolean leaving = path.equals("/admin/logout");
        if (session.get().awaitingCode() && !leaving && !path.equals(CODE_PAGE)) {
            // the password alone opens nothing but the page that asks for the code
            ctx.redirect(CODE_PAGE, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST") && !sameToken(session.get().csrfToken(), ctx.formParam("csrf"))) {
            throw new ForbiddenResponse("missing or wrong CSRF token");
        }
        ctx.attribute(SESSION, session.get());
        Coordinator me = session.get().coordinator();
        if (!session.get().awaitingCode() && !leaving && !path.startsWith(ENROL_PAGE) && secondFactor.missing(me.id())) {
            ctx.redirect(ENROL_PAGE, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        new SignedIn(me.id(), me.displayName(), me.isAdmin(), session.get().csrfToken()).set(ctx);
    }

    public static Coordinator coordinator(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session == null) throw new ForbiddenResponse();
        return session.coordinator();
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Where to go after login: only a path of our own admin area, never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/admin";
        }
        return next;
    }
}
