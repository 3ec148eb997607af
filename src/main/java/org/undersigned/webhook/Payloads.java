package org.undersigned.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.petition.Kind;

/**
 * A delivery's body, made when it is first sent and kept for its retries and replays: the event,
 * its moment, the petition, and the signature as it stands then, with the field names of the API's
 * signature feed. A signature withdrawn or anonymised meanwhile goes out without the personal data
 * it no longer has.
 */
final class Payloads {
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    Payloads(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String body(Handle h, Claimed d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("petition", petition(h, d.petitionId()));
        if (d.signatureId() != null) data.put("signature", signature(h, d.signatureId()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", d.event());
        body.put("timestamp", Instant.ofEpochMilli(d.createdAt()).toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body", e);
        }
    }

    private Map<String, Object> petition(Handle h, long id) {
        return h.createQuery("SELECT id, kind, slug, title, status FROM petitions WHERE id = :id").bind("id", id)
                .map((rs, c) -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", rs.getLong("id"));
                    p.put("kind", rs.getString("kind"));
                    p.put("slug", rs.getString("slug"));
                    p.put("title", rs.getString("title"));
                    p.put("url", baseUrl + Kind.of(rs.getString("kind")).orElseThrow().path(rs.getString("slug")));
                    return p;
                })
                .findOne().orElseGet(() -> new LinkedHashMap<>(Map.of("id", id)));
    }

    private Map<String, Object> signature(Handle h, long id) {
        return h.createQuery("""
                        SELECT id, state, email, organisation, org_type, website, contact_name, first_name, last_name, country, locale,
                               updates, created_at, confirmed_at, withdrawn_at
                        FROM signatures WHERE id = :id""")
                .bind("id", id)
                .map((rs, c) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("id", rs.getLong("id"));
                    s.put("status", rs.getString("state"));
                    String email = rs.getString("email");
                    s.put("email", email == null || email.isEmpty() ? null : email);
                    s.put("organisation", rs.getString("organisation"));
                    s.put("org_type", rs.getString("org_type"));
                    s.put("website", rs.getString("website"));
                    s.put("contact_name", rs.getString("contact_name"));
                    s.put("first_name", rs.getString("first_name"));
                    s.put("last_name", rs.getString("last_name"));
                    s.put("country", rs.getString("country"));
                    s.put("language", rs.getString("locale"));
                    s.put("updates", rs.getBoolean("updates"));
                    s.put("created_at", iso(rs.getLong("created_at"), false));
                    long confirmed = rs.getLong("confirmed_at");
                    s.put("confirmed_at", iso(confirmed, rs.wasNull()));
                    long withdrawn = rs.getLong("withdrawn_at");
                    s.put("withdrawn_at", iso(withdrawn, rs.wasNull()));
                    return s;
                })
                .findOne().orElseGet(() -> new LinkedHashMap<>(Map.of("id", id)));
    }

    private static String iso(long millis, boolean isNull) {
        return isNull ? null : Instant.ofEpochMilli(millis).toString();
    }
}
