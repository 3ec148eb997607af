package org.undersigned.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/** /admin/tokens: a coordinator's own API tokens, a form for a new one (shown once), and revoking. */
final class TokenAdminRoutes {
    static final int MAX_NAME = 100;
    private final ApiTokens tokens;

    TokenAdminRoutes(ApiTokens tokens) {
        this.tokens = tokens;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/tokens", ctx -> page(ctx, Map.of(), List.of(), null));
        routes.post("/admin/tokens", this::create);
        routes.post("/admin/tokens/{id}/revoke", this::revoke);
    }

    private void page(Context ctx, Map<String, String> values, List<FieldError> errors, String created) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", tokens.of(me));
        model.put("scopes", Scope.values());
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("created", created);
        ctx.render("admin/tokens.peb", model);
    }

    private void create(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        String name = Text.line(ctx.formParam("name"));
        String scopeCode = Text.line(ctx.formParam("scope"));
        Optional<Scope> scope = Scope.of(scopeCode);
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) errors.add(new FieldError("name", "error.token_name.required"));
        else if (Text.length(name) > MAX_NAME) errors.add(new FieldError("name", "error.token_name.too_long"));
        if (scope.isEmpty()) errors.add(new FieldError("scope", "error.scope.invalid"));
        if (!errors.isEmpty()) {
            page(ctx.status(HttpStatus.BAD_REQUEST), Map.of("name", name, "scope", scopeCode), errors, null);
            return;
        }
        String secret = tokens.create(me, name, scope.get());
        page(ctx, Map.of(), List.of(), secret);
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        if (!tokens.revoke(AdminAccess.coordinator(ctx), id)) throw new NotFoundResponse();
        ctx.redirect("/admin/tokens", HttpStatus.SEE_OTHER);
    }
}
