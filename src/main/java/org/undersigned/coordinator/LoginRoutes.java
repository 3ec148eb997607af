package org.undersigned.coordinator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.web.FieldError;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FormToken;
import org.undersigned.text.Text;

/** /admin/login and /admin/logout. */
final class LoginRoutes {
    private final Logins logins;
    private final Sessions sessions;
    private final FormToken formToken;
    private final ClientAddress clientAddress;

    LoginRoutes(Logins logins, Sessions sessions, FormToken formToken, ClientAddress clientAddress) {
        this.logins = logins;
        this.sessions = sessions;
        this.formToken = formToken;
        this.clientAddress = clientAddress;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/login", ctx -> page(ctx, "", ctx.queryParam("next"), List.of()));
        routes.post("/admin/login", this::login);
        routes.get(AdminAccess.CODE_PAGE, ctx -> codePage(ctx, ctx.queryParam("next"), List.of()));
        routes.post(AdminAccess.CODE_PAGE, this::code);
        routes.post("/admin/logout", ctx -> {
            logins.logout(AdminAccess.session(ctx));
            sessions.clearCookie(ctx);
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
        });
    }

    private void login(Context ctx) {
        String email = Text.line(ctx.formParam("email"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String next = ctx.formParam("next");
        Logins.Result result = logins.login(email, password, formToken.isValid("login", ctx.formParam(FormToken.FIELD)),
                clientAddress.of(ctx), sessions.idFrom(ctx));
        switch (result.outcome()) {
            case CODE_NEEDED -> {
                sessions.sendCookie(ctx, result.sessionId());
                ctx.redirect(AdminAccess.CODE_PAGE + "?next=" + java.net.URLEncoder.encode(AdminAccess.safeNext(next),
                        java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            }
            case SIGNED_IN -> {
                sessions.sendCookie(ctx, result.sessionId());
                ctx.redirect(AdminAccess.safeNext(next), HttpStatus.SEE_OTHER);
            }
            case FORM_EXPIRED -> page(ctx.status(HttpStatus.BAD_REQUEST), email, next, List.of(new FieldError("email", "error.form.expired")));
            case THROTTLED -> page(ctx.status(HttpStatus.TOO_MANY_REQUESTS), email, next, List.of(new FieldError("email", "error.login.throttled")));
            case FAILED -> page(ctx.status(HttpStatus.BAD_REQUEST), email, next, List.of(new FieldError("email", "error.login.failed")));
        }
    }

    private void code(Context ctx) {
        Sessions.Session session = AdminAccess.session(ctx);
        String next = ctx.formParam("next");
        if (!session.awaitingCode()) {
            ctx.redirect(AdminAccess.safeNext(next), HttpStatus.SEE_OTHER);
            return;
        }
        Logins.Result result = logins.code(session, Text.line(ctx.formParam("code")), clientAddress.of(ctx));
        switch (result.outcome()) {
            case SIGNED_IN -> {
                sessions.sendCookie(ctx, result.sessionId());
                ctx.redirect(AdminAccess.safeNext(next), HttpStatus.SEE_OTHER);
            }
            case THROTTLED -> codePage(ctx.status(HttpStatus.TOO_MANY_REQUESTS), next, List.of(new FieldError("code", "error.login.throttled")));
            default -> codePage(ctx.status(HttpStatus.BAD_REQUEST), next, List.of(new FieldError("code", "error.totp.wrong")));
        }
    }

    private void codePage(Context ctx, String next, List<FieldError> errors) {
        if (!AdminAccess.session(ctx).awaitingCode()) {
            ctx.redirect(AdminAccess.safeNext(next), HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("next", AdminAccess.safeNext(next));
        model.put("csrfToken", AdminAccess.session(ctx).csrfToken());
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("values", Map.of());
        ctx.render("admin/login_code.peb", model);
    }

    private void page(Context ctx, String email, String next, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", Map.of("email", email == null ? "" : email));
        model.put("next", AdminAccess.safeNext(next));
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("formToken", formToken.issue("login"));
        model.put("reset", "done".equals(ctx.queryParam("reset")));
        ctx.render("admin/login.peb", model);
    }
}
