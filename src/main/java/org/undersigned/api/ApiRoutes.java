package org.undersigned.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Petitions;
import org.undersigned.signature.FormResult;
import org.undersigned.signature.SignatureForm;
import org.undersigned.text.Messages;
import org.undersigned.web.AfterWrites;
import org.undersigned.web.Localization;

/**
 * The API of coordinators' tools ({@code Authorization: Bearer usk_...}): read a petition's
 * signatures, add one collected elsewhere. Unlike the public JSON, these answers carry no
 * {@code Access-Control-Allow-Origin}: a token belongs in a server or a script, and no other
 * site's page may read what it reaches (a browser refuses the cross-origin answer, and its
 * preflight for the Authorization header gets no permission).
 */
final class ApiRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private final TokenGuard guard;
    private final Petitions petitions;
    private final PetitionAccess access;
    private final SignatureFeed feed;
    private final HandedIn handedIn;
    private final Map<Kind, SignatureForm> forms;
    private final Messages messages;
    private final AfterWrites afterWrites;
    private final Clock clock;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    ApiRoutes(TokenGuard guard, Petitions petitions, PetitionAccess access, SignatureFeed feed, HandedIn handedIn,
              Map<Kind, SignatureForm> forms, Messages messages, AfterWrites afterWrites, Clock clock, String baseUrl) {
        this.guard = guard;
        this.petitions = petitions;
        this.access = access;
        this.feed = feed;
        this.handedIn = handedIn;
        this.forms = Map.copyOf(forms);
        this.messages = messages;
        this.afterWrites = afterWrites;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/statements/{slug}/signatures", ctx -> list(ctx, Kind.STATEMENT));
        routes.post("/api/v1/statements/{slug}/signatures", ctx -> add(ctx, Kind.STATEMENT));
        routes.get("/api/v1/campaigns/{slug}/signatures", ctx -> list(ctx, Kind.CAMPAIGN));
        routes.post("/api/v1/campaigns/{slug}/signatures", ctx -> add(ctx, Kind.CAMPAIGN));
        routes.exception(ApiError.class, (e, ctx) -> {
            e.headers.forEach(ctx::header);
            ctx.status(e.status).json(e.body);
        });
    }

    private void list(Context ctx, Kind kind) {
        Bearer bearer = bearer(ctx);
        Petition petition = reachable(bearer, kind, ctx.pathParam("slug"));
        int limit = limit(ctx.queryParam("limit"));
        long after = after(ctx.queryParam("after"));
        SignatureFeed.Page page = feed.after(petition.id(), after, limit);
        String next = page.more() ? Cursor.after(page.lastId()) : null;
        if (next != null) {
            ctx.header("Link", "<" + baseUrl + "/api/v1/" + kind.plural() + "/" + petition.slug() + "/signatures?limit=" + limit
                    + "&after=" + next + ">; rel=\"next\"");
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("signatures", page.signatures());
        body.put("next", next);
        ctx.json(body);
    }

    private void add(Context ctx, Kind kind) {
        Bearer bearer = bearer(ctx);
        Petition petition = reachable(bearer, kind, ctx.pathParam("slug"));
        if (bearer.scope() != Scope.WRITE) throw new ApiError(403, "read_only_token");
        if (!petition.at(clock.millis()).isOpen()) throw new ApiError(409, "closed");
        JsonNode fields = body(ctx);
        Locale locale = Localization.of(ctx);
        FormResult result = forms.get(kind).parse(params(fields));
        List<Map<String, String>> problems = new java.util.ArrayList<>(result.errors().stream()
                .map(e -> problem(locale, e.field(), e.messageKey())).toList());
        JsonNode send = fields.get("send_confirmation");
        if (send != null && !send.isBoolean() && !send.isNull()) {
            problems.add(problem(locale, "send_confirmation", "error.send_confirmation.invalid"));
        }
        JsonNode lang = fields.get("lang");
        String language = lang == null || lang.isNull() ? petition.lang() : lang.asText();
        if (!messages.speaks(language)) problems.add(problem(locale, "lang", "error.lang.invalid"));
        if (!problems.isEmpty()) throw new ApiError(422, "invalid_fields").with("fields", problems);
        boolean sendConfirmation = send == null || send.isNull() || send.booleanValue();
        var stored = handedIn.add(bearer.coordinator(), petition, result.signature(), Locale.forLanguageTag(language), sendConfirmation);
        ctx.future(() -> afterWrites.answer(stored, id -> {
            if (id.isEmpty()) {
                ctx.status(409).json(Map.of("error", "already_signed", "status", 409));
                return;
            }
            Map<String, Object> created = new java.util.LinkedHashMap<>();
            created.put("id", id.get());
            // the token's coordinator vouches for it, as for one added by hand: listed without approval
            created.put("status", sendConfirmation ? "pending" : "listed");
            ctx.status(201).json(created);
        }));
    }

    private Bearer bearer(Context ctx) {
        return guard.bearer(ctx);
    }

    /** The petition if the token's coordinator manages it now; otherwise, as for one that does not exist, 404. */
    private Petition reachable(Bearer bearer, Kind kind, String slug) {
        return petitions.find(kind, slug).filter(p -> access.canManage(bearer.coordinator(), p.id()))
                .orElseThrow(() -> new ApiError(404, "not_found"));
    }

    private static int limit(String given) {
        if (given == null) return DEFAULT_LIMIT;
        if (!given.matches("[0-9]{1,4}") || Integer.parseInt(given) < 1 || Integer.parseInt(given) > MAX_LIMIT) {
            throw new ApiError(400, "invalid_limit").with("detail", "limit is a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(given);
    }

    private static long after(String given) {
        if (given == null) return 0;
        OptionalLong id = Cursor.read(given);
        if (id.isEmpty()) throw new ApiError(400, "invalid_cursor").with("detail", "after takes the next cursor of an earlier page");
        return id.getAsLong();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) throw new ApiError(400, "invalid_json").with("detail", "the body is one JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid_json").with("detail", "the body is one JSON object");
        }
    }

    /**
     * The JSON object as the sign-on form's fields, so that the form's own checks read it: text as
     * typed, numbers as their digits, {@code true} as a ticked checkbox ({@code yes}); {@code false}
     * and {@code null} as a field left empty. A list or an object is no field's value.
     */
    private static Map<String, List<String>> params(JsonNode fields) {
        Map<String, List<String>> params = new HashMap<>();
        for (var it = fields.fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new ApiError(400, "invalid_json").with("detail", field.getKey() + " takes a string or a boolean");
            }
            if (value.isNull() || (value.isBoolean() && !value.booleanValue())) continue;
            params.put(field.getKey(), List.of(value.isBoolean() ? "yes" : value.asText()));
        }
        return params;
    }

    private Map<String, String> problem(Locale locale, String field, String messageKey) {
        Map<String, String> problem = new java.util.LinkedHashMap<>();
        problem.put("field", field);
        problem.put("code", messageKey.substring("error.".length()));
        problem.put("message", messages.get(locale, messageKey));
        return problem;
    }
}
