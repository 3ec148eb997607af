package org.undersigned.coordinator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.web.FieldError;

/** Each coordinator's own account (/admin/account): password, the language of their mails, the second factor. */
final class AccountRoutes {
    private final Accounts accounts;
    private final Coordinators coordinators;
    private final SecondFactor secondFactor;

    AccountRoutes(Accounts accounts, Coordinators coordinators, SecondFactor secondFactor) {
        this.accounts = accounts;
        this.coordinators = coordinators;
        this.secondFactor = secondFactor;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/account", ctx -> page(ctx, List.of()));
        routes.post("/admin/account/language", this::setLanguage);
        routes.post("/admin/account/password", this::changePassword);
        routes.get("/admin/account/totp", ctx -> enrolPage(ctx, List.of()));
        routes.post("/admin/account/totp", this::confirm);
        routes.post("/admin/account/totp/off", this::disable);
    }

    private void page(Context ctx, List<FieldError> errors) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("account", me);
        model.put("language", accounts.language(me.id()).code());
        model.put("languages", Language.values());
        model.put("secondFactor", secondFactor.enabled(me.id()));
        model.put("secondFactorRequired", secondFactor.required());
        model.put("recoveryCodesLeft", secondFactor.recoveryCodesLeft(me.id()));
        String done = ctx.queryParam("done");
        model.put("done", done != null && done.matches("[a-z_]{1,40}") ? "account." + done : null);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("values", Map.of());
        ctx.render("admin/account.peb", model);
    }

    private void setLanguage(Context ctx) {
        Optional<Language> language = Language.of(ctx.formParam("language"));
        if (language.isEmpty()) {
            page(ctx.status(HttpStatus.BAD_REQUEST), List.of(new FieldError("language", "error.language.invalid")));
            return;
        }
        accounts.setLanguage(AdminAccess.coordinator(ctx), language.get());
        ctx.redirect("/admin/account?done=language_saved", HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx) {
        String fresh = orEmpty(ctx.formParam("password"));
        if (!fresh.equals(orEmpty(ctx.formParam("password_again")))) {
            page(ctx.status(HttpStatus.BAD_REQUEST), List.of(new FieldError("password_again", "error.password.mismatch")));
            return;
        }
        Optional<String> problem = accounts.changePassword(AdminAccess.coordinator(ctx), orEmpty(ctx.formParam("current_password")), fresh,
                AdminAccess.session(ctx).idHash());
        if (problem.isPresent()) {
            String field = problem.get().equals("error.password.current") ? "current_password" : "password";
            page(ctx.status(HttpStatus.BAD_REQUEST), List.of(new FieldError(field, problem.get())));
            return;
        }
        ctx.redirect("/admin/account?done=password_changed", HttpStatus.SEE_OTHER);
    }

    private void enrolPage(Context ctx, List<FieldError> errors) {
        Coordinator me = AdminAccess.coordinator(ctx);
        if (secondFactor.enabled(me.id())) {
            ctx.redirect("/admin/account", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("enrolment", secondFactor.enrolment(me));
        model.put("requiredNow", secondFactor.required());
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("values", Map.of());
        ctx.render("admin/totp_enrol.peb", model);
    }

    private void confirm(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Optional<List<String>> codes = secondFactor.confirm(me, orEmpty(ctx.formParam("code")).replaceAll("\\s", ""));
        if (codes.isEmpty()) {
            enrolPage(ctx.status(HttpStatus.BAD_REQUEST), List.of(new FieldError("code", "error.totp.wrong")));
            return;
        }
        // shown once, on this answer only: only their hashes are kept
        ctx.render("admin/totp_codes.peb", Map.of("codes", codes.get()));
    }

    private void disable(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        if (secondFactor.required()) {
            page(ctx.status(HttpStatus.BAD_REQUEST), List.of(new FieldError("off_password", "error.totp.required")));
            return;
        }
        if (!coordinators.passwordMatches(me.id(), orEmpty(ctx.formParam("password")))) {
            page(ctx.status(HttpStatus.BAD_REQUEST), List.of(new FieldError("off_password", "error.password.current")));
            return;
        }
        secondFactor.disable(me);
        ctx.redirect("/admin/account?done=second_factor_removed", HttpStatus.SEE_OTHER);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
