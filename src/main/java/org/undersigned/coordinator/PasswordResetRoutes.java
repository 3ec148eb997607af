package org.undersigned.coordinator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.signature.EmailAddress;
import org.undersigned.text.Text;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FieldError;
import org.undersigned.web.FormToken;

/** A forgotten password: the form that sends a link (/admin/login/forgot), and the link's page (/admin/password/{token}). */
final class PasswordResetRoutes {
    private final PasswordResets resets;
    private final Coordinators coordinators;
    private final FormToken formToken;
    private final ClientAddress clientAddress;

    PasswordResetRoutes(PasswordResets resets, Coordinators coordinators, FormToken formToken, ClientAddress clientAddress) {
        this.resets = resets;
        this.coordinators = coordinators;
        this.formToken = formToken;
        this.clientAddress = clientAddress;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/login/forgot", ctx -> askPage(ctx, "", List.of(), false));
        routes.post("/admin/login/forgot", this::ask);
        routes.get("/admin/password/{token}", ctx -> choosePage(ctx, List.of()));
        routes.post("/admin/password/{token}", this::choose);
    }

    private void ask(Context ctx) {
        String email = Text.line(ctx.formParam("email"));
        List<FieldError> errors = new ArrayList<>();
        if (!formToken.isValid("forgot", ctx.formParam(FormToken.FIELD))) errors.add(new FieldError("email", "error.form.expired"));
        else if (email.isEmpty() || email.length() > EmailAddress.MAX_LENGTH || !email.contains("@")) {
            errors.add(new FieldError("email", "error.email.required"));
        }
        if (!errors.isEmpty()) {
            askPage(ctx.status(HttpStatus.BAD_REQUEST), email, errors, false);
            return;
        }
        if (!resets.request(email, clientAddress.of(ctx))) {
            askPage(ctx.status(HttpStatus.TOO_MANY_REQUESTS), email, List.of(new FieldError("email", "error.login.throttled")), false);
            return;
        }
        // the same page whether the address has an account or not
        askPage(ctx, email, List.of(), true);
    }

    private void askPage(Context ctx, String email, List<FieldError> errors, boolean sent) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", Map.of("email", email));
        model.put("sent", sent);
        model.put("sentTo", email);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("formToken", formToken.issue("forgot"));
        ctx.render("admin/forgot.peb", model);
    }

    private void choosePage(Context ctx, List<FieldError> errors) {
        var coordinator = resets.open(ctx.pathParam("token"));
        if (coordinator.isEmpty()) ctx.status(HttpStatus.NOT_FOUND);
        Map<String, Object> model = new HashMap<>();
        model.put("account", coordinator.orElse(null));
        model.put("token", ctx.pathParam("token"));
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("values", Map.of());
        model.put("formToken", formToken.issue("reset"));
        ctx.render("admin/reset.peb", model);
    }

    private void choose(Context ctx) {
        String token = ctx.pathParam("token");
        if (resets.open(token).isEmpty()) {
            choosePage(ctx, List.of());
            return;
        }
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        List<FieldError> errors = new ArrayList<>();
        if (!formToken.isValid("reset", ctx.formParam(FormToken.FIELD))) errors.add(new FieldError("password", "error.form.expired"));
        coordinators.passwords().problem(password).ifPresent(p -> errors.add(new FieldError("password", p)));
        if (errors.isEmpty() && !password.equals(ctx.formParam("password_again"))) errors.add(new FieldError("password_again", "error.password.mismatch"));
        if (!errors.isEmpty()) {
            choosePage(ctx.status(HttpStatus.BAD_REQUEST), errors);
            return;
        }
        if (!resets.use(token, coordinators.passwords().hash(password))) {
            choosePage(ctx, List.of());
            return;
        }
        // no session here: the second factor, where there is one, still stands between the mail and the account
        ctx.redirect("/admin/login?reset=done", HttpStatus.SEE_OTHER);
    }
}
