package org.undersigned.coordinator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.signature.EmailAddress;
import org.undersigned.web.FieldError;
import org.undersigned.web.FormToken;
import org.undersigned.text.Text;

/** Admins manage coordinators (/admin/coordinators); invited people choose their password (/admin/invitations/{token}). */
final class CoordinatorAdminRoutes {
    private final Coordinators coordinators;
    private final Invitations invitations;
    private final Accounts accounts;
    private final SecondFactor secondFactor;
    private final Sessions sessions;
    private final FormToken formToken;
    private final EmailAddress emails = new EmailAddress();

    CoordinatorAdminRoutes(Coordinators coordinators, Invitations invitations, Accounts accounts, SecondFactor secondFactor,
                           Sessions sessions, FormToken formToken) {
        this.coordinators = coordinators;
        this.invitations = invitations;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.formToken = formToken;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/coordinators", ctx -> list(ctx, Map.of(), List.of(), null));
        routes.post("/admin/coordinators", this::invite);
        routes.post("/admin/coordinators/second-factor", ctx -> {
            secondFactor.require(admin(ctx), "yes".equals(ctx.formParam("required")));
            done(ctx, "coordinators.saved");
        });
        routes.post("/admin/coordinators/{id}/role", this::changeRole);
        routes.get("/admin/coordinators/{id}/remove", this::confirmRemoval);
        routes.post("/admin/coordinators/{id}/remove", this::remove);
        routes.post("/admin/coordinators/{id}/invitation/resend", ctx -> {
            if (!invitations.resend(admin(ctx), id(ctx))) throw new NotFoundResponse();
            done(ctx, "coordinators.invitation_resent");
        });
        routes.post("/admin/coordinators/{id}/invitation/revoke", ctx -> {
            if (!invitations.revoke(admin(ctx), id(ctx))) throw new NotFoundResponse();
            done(ctx, "coordinators.invitation_revoked");
        });
        routes.get("/admin/invitations/{token}", ctx -> choosePassword(ctx, List.of()));
        routes.post("/admin/invitations/{token}", this::accept);
    }

    private static Coordinator admin(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        if (!me.isAdmin()) throw new ForbiddenResponse("admins only");
        return me;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    /** Back to the list, which says what was done (post, redirect, get: a reload does not do it twice). */
    private static void done(Context ctx, String messageKey) {
        ctx.redirect("/admin/coordinators?done=" + messageKey.substring(messageKey.indexOf('.') + 1), HttpStatus.SEE_OTHER);
    }

    private void changeRole(Context ctx) {
        Coordinator me = admin(ctx);
        Role role = Role.of(ctx.formParam("role")).orElse(null);
        Optional<String> refused = role == null ? Optional.of("error.role.invalid") : accounts.changeRole(me, id(ctx), role);
        if (refused.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            list(ctx, Map.of(), List.of(new FieldError("role-" + id(ctx), refused.get())), null);
            return;
        }
        done(ctx, "coordinators.role_changed");
    }

    private void confirmRemoval(Context ctx) {
        admin(ctx);
        Coordinator target = coordinators.byId(id(ctx)).orElseThrow(NotFoundResponse::new);
        ctx.render("admin/coordinator_remove.peb", Map.of("target", target));
    }

    private void remove(Context ctx) {
        Coordinator me = admin(ctx);
        Optional<String> refused = accounts.remove(me, id(ctx));
        if (refused.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            list(ctx, Map.of(), List.of(new FieldError("role-" + id(ctx), refused.get())), null);
            return;
        }
        if (me.id() == id(ctx)) {
            sessions.clearCookie(ctx);
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
            return;
        }
        done(ctx, "coordinators.removed");
    }

    private void list(Context ctx, Map<String, String> values, List<FieldError> errors, String invited) {
        Coordinator me = admin(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("coordinators", coordinators.all());
        model.put("selfId", me.id());
        model.put("withSecondFactor", coordinators.withSecondFactor());
        model.put("secondFactorRequired", secondFactor.required());
        model.put("pending", invitations.pending());
        model.put("languages", Language.values());
        String done = ctx.queryParam("done");
        model.put("done", done != null && done.matches("[a-z_]{1,40}") ? "coordinators." + done : null);
        model.put("roles", Role.values());
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("invited", invited);
        model.put("assignable", invitations.assignable());
        model.put("chosen", ctx.formParams("petitions"));
        ctx.render("admin/coordinators.peb", model);
    }

    private void invite(Context ctx) {
        Coordinator me = admin(ctx);
        String email = Text.line(ctx.formParam("email"));
        String name = Text.line(ctx.formParam("name"));
        String roleCode = Text.line(ctx.formParam("role"));
        Optional<Role> role = Role.of(roleCode);
        String languageCode = Text.line(ctx.formParam("language"));
        Optional<Language> language = Language.of(languageCode);
        Map<String, String> values = Map.of("email", email, "name", name, "role", roleCode, "language", languageCode);
        List<FieldError> errors = new ArrayList<>();
        String problem = email.isEmpty() ? "required" : emails.problem(email);
        if (problem != null) errors.add(new FieldError("email", "error.email." + problem));
        if (Text.length(name) > 200) errors.add(new FieldError("name", "error.contact_name.too_long"));
        if (role.isEmpty()) errors.add(new FieldError("role", "error.role.invalid"));
        if (language.isEmpty()) errors.add(new FieldError("language", "error.language.invalid"));
        if (errors.isEmpty()) {
            try {
                List<Long> petitions = new ArrayList<>();
                for (String id : ctx.formParams("petitions")) {
                    try {
                        petitions.add(Long.parseLong(id));
                    } catch (NumberFormatException ignored) {
                        // a tampered checkbox assigns nothing
                    }
                }
                Coordinator invited = invitations.invite(me, email, name, role.get(), language.get(), petitions);
                list(ctx, Map.of(), List.of(), invited.email());
                return;
            } catch (Coordinators.Refused refused) {
                errors.add(new FieldError("email", refused.getMessage()));
            }
        }
        ctx.status(HttpStatus.BAD_REQUEST);
        list(ctx, values, errors, null);
    }

    private void choosePassword(Context ctx, List<FieldError> errors) {
        var invited = invitations.open(ctx.pathParam("token"));
        Map<String, Object> model = new HashMap<>();
        if (invited.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            model.put("revoked", invitations.revoked(ctx.pathParam("token")));
        }
        model.put("invited", invited.orElse(null));
        model.put("token", ctx.pathParam("token"));
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("values", Map.of());
        model.put("formToken", formToken.issue("invitation"));
        ctx.render("admin/invitation.peb", model);
    }

    private void accept(Context ctx) {
        String token = ctx.pathParam("token");
        var invited = invitations.open(token);
        if (invited.isEmpty()) {
            choosePassword(ctx, List.of());
            return;
        }
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        List<FieldError> errors = new ArrayList<>();
        if (!formToken.isValid("invitation", ctx.formParam(FormToken.FIELD))) errors.add(new FieldError("password", "error.form.expired"));
        coordinators.passwords().problem(password).ifPresent(p -> errors.add(new FieldError("password", p)));
        if (errors.isEmpty() && !password.equals(ctx.formParam("password_again"))) errors.add(new FieldError("password_again", "error.password.mismatch"));
        if (!errors.isEmpty()) {
            choosePassword(ctx.status(HttpStatus.BAD_REQUEST), errors);
            return;
        }
        String hash = coordinators.passwords().hash(password);
        Optional<String> session = invitations.accept(token, invited.get().id(), hash, sessions, sessions.idFrom(ctx));
        if (session.isEmpty()) {
            choosePassword(ctx, List.of());
            return;
        }
        sessions.sendCookie(ctx, session.get());
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }
}
