package org.undersigned.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Petitions;

/**
 * The petitions a token reaches and their signatures as OSDI resources (read-only), under the
 * same tokens, rate limit and errors as /api/v1. Pages are OSDI's {@code page}/{@code per_page};
 * each {@code next} link also carries the feed's cursor, so a client that follows the links sees
 * each signature once even when rows are discarded meanwhile.
 */
final class OsdiRoutes {
    static final int DEFAULT_PER_PAGE = 25;
    static final int MAX_PER_PAGE = 100;
    private static final String HAL = "application/hal+json";
    private final TokenGuard guard;
    private final PetitionAccess access;
    private final Petitions petitions;
    private final SignatureFeed feed;
    private final Clock clock;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();

    OsdiRoutes(TokenGuard guard, PetitionAccess access, Petitions petitions, SignatureFeed feed, Clock clock, String base) {
        this.guard = guard;
        this.access = access;
        this.petitions = petitions;
        this.feed = feed;
        this.clock = clock;
        this.base = base;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/osdi/v1", this::entryPoint);
        routes.get("/api/osdi/v1/petitions", this::petitions);
        routes.get("/api/osdi/v1/petitions/{id}", this::petition);
        routes.get("/api/osdi/v1/petitions/{id}/signatures", this::signatures);
    }

    /** The API entry point (AEP): what this server offers, and where. */
    private void entryPoint(Context ctx) {
        guard.bearer(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("motd", "undersigned: the petitions this token reaches, read-only");
        body.put("vendor_name", "undersigned");
        body.put("product_name", "undersigned");
        body.put("osdi_version", "1.1");
        body.put("namespace", OsdiShapes.NAMESPACE);
        body.put("max_pagesize", MAX_PER_PAGE);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", OsdiShapes.href(base + OsdiShapes.ROOT));
        links.put("osdi:petitions", OsdiShapes.href(base + OsdiShapes.ROOT + "/petitions"));
        links.put("curies", List.of(OsdiShapes.ordered("name", "osdi", "href", "https://opensupporter.github.io/osdi-docs/{rel}", "templated", true)));
        body.put("_links", links);
        hal(ctx, body);
    }

    private void petitions(Context ctx) {
        Bearer bearer = guard.bearer(ctx);
        int page = number(ctx, "page", 1, Integer.MAX_VALUE, 1);
        int perPage = number(ctx, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE, 1);
        List<Petition> all = access.manageable(bearer.coordinator());
        long from = Math.min((long) (page - 1) * perPage, all.size());
        List<Petition> shown = all.subList((int) from, (int) Math.min(from + perPage, all.size()));
        Map<Long, Long> listed = petitions.listedCounts(shown);
        long now = clock.millis();
        List<Map<String, Object>> shapes = shown.stream()
                .map(p -> OsdiShapes.petition(p, listed.getOrDefault(p.id(), 0L), p.at(now).status().code(), base)).toList();
        String self = base + OsdiShapes.ROOT + "/petitions";
        Map<String, Object> links = collectionLinks(self, page, perPage, all.size(), null);
        links.put("osdi:petitions", shapes.stream().map(s -> ((Map<?, ?>) s.get("_links")).get("self")).toList());
        hal(ctx, collection(page, perPage, all.size(), links, "osdi:petitions", shapes));
    }

    private void petition(Context ctx) {
        Petition p = reachable(guard.bearer(ctx), ctx.pathParam("id"));
        long listed = petitions.listedCounts(List.of(p)).getOrDefault(p.id(), 0L);
        hal(ctx, OsdiShapes.petition(p, listed, p.at(clock.millis()).status().code(), base));
    }

    private void signatures(Context ctx) {
        Petition p = reachable(guard.bearer(ctx), ctx.pathParam("id"));
        int page = number(ctx, "page", 1, Integer.MAX_VALUE, 1);
        int perPage = number(ctx, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE, 1);
        String cursor = ctx.queryParam("after");
        SignatureFeed.Page rows;
        if (cursor == null) {
            rows = feed.at(p.id(), (long) (page - 1) * perPage, perPage);
        } else {
            OptionalLong after = Cursor.read(cursor);
            if (after.isEmpty()) throw new ApiError(400, "invalid_cursor").with("detail", "after takes the one of a next link");
            rows = feed.after(p.id(), after.getAsLong(), perPage);
        }
        long total = feed.count(p.id());
        String next = rows.more() ? Cursor.after(rows.lastId()) : null;
        Map<String, Object> links = collectionLinks(base + OsdiShapes.ROOT + "/petitions/" + p.id() + "/signatures", page, perPage, total, next);
        links.put("osdi:petition", OsdiShapes.href(base + OsdiShapes.ROOT + "/petitions/" + p.id()));
        List<Map<String, Object>> shapes = rows.signatures().stream().map(row -> OsdiShapes.signature(row, p.id(), base)).toList();
        hal(ctx, collection(page, perPage, total, links, "osdi:signatures", shapes));
    }

    /** The petition if the token's coordinator manages it now; otherwise, as for one that does not exist, 404. */
    private Petition reachable(Bearer bearer, String id) {
        if (!id.matches("[0-9]{1,18}")) throw new ApiError(404, "not_found");
        return access.manageable(bearer.coordinator(), Long.parseLong(id)).orElseThrow(() -> new ApiError(404, "not_found"));
    }

    private static Map<String, Object> collection(int page, int perPage, long total, Map<String, Object> links, String rel,
                                                  List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_pages", pages(total, perPage));
        body.put("per_page", perPage);
        body.put("page", page);
        body.put("total_records", total);
        body.put("_links", links);
        body.put("_embedded", Map.of(rel, items));
        return body;
    }

    /** self, and next and prev where there are such pages; next carries the cursor when there is one. */
    private static Map<String, Object> collectionLinks(String self, int page, int perPage, long total, String cursor) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", OsdiShapes.href(self + "?page=" + page + "&per_page=" + perPage));
        boolean more = cursor != null || page < pages(total, perPage);
        if (more) {
            links.put("next", OsdiShapes.href(self + "?page=" + (page + 1) + "&per_page=" + perPage + (cursor == null ? "" : "&after=" + cursor)));
        }
        if (page > 1) links.put("prev", OsdiShapes.href(self + "?page=" + (page - 1) + "&per_page=" + perPage));
        return links;
    }

    private static long pages(long total, int perPage) {
        return (total + perPage - 1) / perPage;
    }

    private static int number(Context ctx, String name, int fallback, int max, int min) {
        String given = ctx.queryParam(name);
        if (given == null) return fallback;
        if (!given.matches("[0-9]{1,9}") || Integer.parseInt(given) < min || Integer.parseInt(given) > max) {
            throw new ApiError(400, "invalid_" + name).with("detail", name + " is a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        }
        return Integer.parseInt(given);
    }

    private void hal(Context ctx, Object body) {
        try {
            ctx.contentType(HAL).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
