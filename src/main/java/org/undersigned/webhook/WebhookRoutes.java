package org.undersigned.webhook;

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

/** /admin/webhooks: the endpoints within a coordinator's reach, a form for a new one (its secret shown once), each one's log. */
final class WebhookRoutes {
    private static final int LOG_LENGTH = 100;
    private final Endpoints endpoints;
    private final EndpointAddress addresses;

    WebhookRoutes(Endpoints endpoints, EndpointAddress addresses) {
        this.endpoints = endpoints;
        this.addresses = addresses;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/webhooks", ctx -> page(ctx, Map.of(), List.of(), List.of(), null));
        routes.post("/admin/webhooks", this::create);
        routes.get("/admin/webhooks/{id}", this::endpoint);
        routes.post("/admin/webhooks/{id}/remove", this::remove);
        routes.post("/admin/webhooks/{id}/deliveries/{delivery}/replay", this::replay);
    }

    private void page(Context ctx, Map<String, String> values, List<String> chosen, List<FieldError> errors, String secret) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("endpoints", endpoints.within(me));
        model.put("events", WebhookEvent.values());
        model.put("petitions", endpoints.petitions(me));
        model.put("values", values);
        model.put("chosen", chosen);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("secret", secret);
        ctx.render("admin/webhooks.peb", model);
    }

    private void create(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        String url = Text.line(ctx.formParam("url"));
        List<String> chosen = ctx.formParams("events");
        List<WebhookEvent> events = chosen.stream().map(WebhookEvent::of).flatMap(Optional::stream).distinct().toList();
        String petitionField = Text.line(ctx.formParam("petition"));
        List<FieldError> errors = new ArrayList<>();
        addresses.problem(url).ifPresent(problem -> errors.add(new FieldError("url", problem)));
        if (events.isEmpty() || events.size() != chosen.size()) errors.add(new FieldError("events", "error.webhook_events.required"));
        Long petition = null;
        if (!petitionField.isEmpty()) {
            petition = endpoints.petitions(me).stream().filter(p -> Long.toString(p.id()).equals(petitionField)).findFirst()
                    .map(PetitionChoice::id).orElse(null);
            if (petition == null) errors.add(new FieldError("petition", "error.webhook_petition.invalid"));
        } else if (!me.isAdmin()) {
            errors.add(new FieldError("petition", "error.webhook_petition.required"));
        }
        if (!errors.isEmpty()) {
            page(ctx.status(HttpStatus.BAD_REQUEST), Map.of("url", url, "petition", petitionField), chosen, errors, null);
            return;
        }
        String secret = endpoints.create(me, url, events, petition);
        page(ctx, Map.of(), List.of(), List.of(), secret);
    }

    private void endpoint(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Endpoint endpoint = endpoints.one(me, id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        ctx.render("admin/webhook.peb", Map.of("endpoint", endpoint, "deliveries", endpoints.log(endpoint.id(), LOG_LENGTH)));
    }

    private void remove(Context ctx) {
        if (!endpoints.remove(AdminAccess.coordinator(ctx), id(ctx, "id"))) throw new NotFoundResponse();
        ctx.redirect("/admin/webhooks", HttpStatus.SEE_OTHER);
    }

    private void replay(Context ctx) {
        long endpoint = id(ctx, "id");
        if (!endpoints.replay(AdminAccess.coordinator(ctx), endpoint, id(ctx, "delivery"))) throw new NotFoundResponse();
        ctx.redirect("/admin/webhooks/" + endpoint, HttpStatus.SEE_OTHER);
    }

    private static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }
}
