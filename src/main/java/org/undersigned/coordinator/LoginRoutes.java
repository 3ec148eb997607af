package org.undersigned.coordinator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;
import org.undersigned.web.FieldError;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FormToken;
import org.undersigned.text.Text;

/** /admin/login and /admin/logout. Wrong email and wrong password get the same answer, in the same time. */
final class LoginRoutes {
    private final Coordinators coordinators;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final FormToken formToken;
    private final ClientAddress clientAddress;
    private final Database database;
    private final Audit audit;

    LoginRoutes(Coordinators coordinators, Sessions sessions, LoginThrottle throttle, FormToken formToken,
                ClientAddress clientAddress, Database database, Audit audit) {
        this.clientAddress = clientAddress;
        this.coordinators = coordinators;
        this.sessions = sessions;
        this.throttle = throttle;
        this.formToken = formToken;
        this.database = database;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/login", ctx -> page(ctx, "", ctx.queryParam("next"), List.of()));
        routes.post("/admin/login", this::login);
        routes.post("/admin/logout", ctx -> {
            Coordinator coordinator = AdminAccess.coordinator(ctx);
            sessions.end(ctx, AdminAccess.session(ctx));
            audit.record(coordinator.id(), coordinator.email(), "logout", "", "");
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
        });
    }

    private void login(Context ctx) {
        String email = Text.line(ctx.formParam("email"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String next = ctx.formParam("next");
        String accountKey = Coordinators.key(email);
        String address = clientAddress.of(ctx);
        if (!formToken.isValid("login", ctx.formParam(FormToken.FIELD))) {
            page(ctx.status(HttpStatus.BAD_REQUEST), email, next, List.of(new FieldError("email", "error.form.expired")));
            return;
        }
        if (email.isEmpty() || password.isEmpty() || password.length() > Passwords.MAX_LENGTH * 4) {
            page(ctx.status(HttpStatus.BAD_REQUEST), email, next, List.of(new FieldError("email", "error.login.failed")));
            return;
        }
        if (throttle.blocked(accountKey, address)) {
            coordinators.passwords().matches(password, null); // same time as a real check
            page(ctx.status(HttpStatus.TOO_MANY_REQUESTS), email, next, List.of(new FieldError("email", "error.login.throttled")));
            return;
        }
        var coordinator = coordinators.authenticate(email, password);
        if (coordinator.isEmpty()) {
            throttle.failed(accountKey, address);
            page(ctx.status(HttpStatus.BAD_REQUEST), email, next, List.of(new FieldError("email", "error.login.failed")));
            return;
        }
        database.writer().run(h -> {
            throttle.succeeded(h, accountKey);
            sessions.start(h, ctx, coordinator.get().id());
            audit.record(h, coordinator.get().id(), coordinator.get().email(), "login", "", "");
        });
        ctx.redirect(AdminAccess.safeNext(next), HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, String email, String next, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", Map.of("email", email == null ? "" : email));
        model.put("next", AdminAccess.safeNext(next));
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("formToken", formToken.issue("login"));
        ctx.render("admin/login.peb", model);
    }
}
