package org.undersigned.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.undersigned.petition.Petition;

/**
 * Our petitions and signature rows in the shape of the Open Supporter Data Interface (OSDI 1.x,
 * HAL+JSON), so that tools that speak OSDI can read them. A signature is mapped from the row
 * {@link SignatureFeed} makes, so the feed stays the one place that reads a signature's columns;
 * what OSDI has no field for goes under our namespace ({@code undersigned:...}).
 */
final class OsdiShapes {
    static final String NAMESPACE = "undersigned";
    static final String ROOT = "/api/osdi/v1";

    private OsdiShapes() {}

    static Map<String, Object> petition(Petition p, long listed, String status, String base) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("identifiers", List.of(NAMESPACE + ":" + p.id()));
        shape.put("origin_system", NAMESPACE);
        shape.put("created_date", Instant.ofEpochMilli(p.createdAt()).toString());
        shape.put("modified_date", Instant.ofEpochMilli(p.updatedAt()).toString());
        shape.put("title", p.title());
        shape.put("description", p.summary());
        shape.put("summary", p.summary());
        shape.put("petition_text", p.body());
        shape.put("browser_url", base + p.path());
        shape.put("target", p.addressedTo() == null || p.addressedTo().isBlank() ? List.of() : List.of(Map.of("name", p.addressedTo())));
        shape.put("total_signatures", listed);
        shape.put(NAMESPACE + ":kind", p.kind().code());
        shape.put(NAMESPACE + ":status", status);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", href(base + ROOT + "/petitions/" + p.id()));
        links.put("osdi:signatures", href(base + ROOT + "/petitions/" + p.id() + "/signatures"));
        shape.put("_links", links);
        return shape;
    }

    /** One row of {@link SignatureFeed} as an OSDI signature, its signer embedded as an OSDI person. */
    static Map<String, Object> signature(Map<String, Object> row, long petitionId, String base) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("identifiers", List.of(NAMESPACE + ":" + row.get("id")));
        shape.put("origin_system", NAMESPACE);
        shape.put("created_date", row.get("created_at"));
        shape.put("modified_date", Stream.of("created_at", "confirmed_at", "withdrawn_at").map(row::get)
                .filter(t -> t != null).map(t -> Instant.parse((String) t)).max(Instant::compareTo).orElseThrow().toString());
        shape.put("comments", row.get("comment"));
        shape.put(NAMESPACE + ":status", row.get("status"));
        shape.put("_links", Map.of("osdi:petition", href(base + ROOT + "/petitions/" + petitionId)));
        shape.put("_embedded", Map.of("osdi:person", person(row)));
        return shape;
    }

    /**
     * The signer. A campaign's supporter has first and last names; an organisation's contact has one
     * name as typed, which goes whole into given_name (splitting names guesses wrong too often).
     */
    private static Map<String, Object> person(Map<String, Object> row) {
        Map<String, Object> person = new LinkedHashMap<>();
        boolean organisation = row.get("organisation") != null;
        person.put("given_name", organisation ? row.get("contact_name") : row.get("first_name"));
        person.put("family_name", organisation ? null : row.get("last_name"));
        Object email = row.get("email");
        person.put("email_addresses", email == null ? List.of() : List.of(ordered("address", email, "primary", true,
                "status", Boolean.TRUE.equals(row.get("updates")) ? "subscribed" : "unsubscribed")));
        Object country = row.get("country");
        person.put("postal_addresses", country == null ? List.of() : List.of(ordered("country", country, "primary", true)));
        Object language = row.get("language");
        person.put("languages_spoken", language == null ? List.of() : List.of(language));
        Map<String, Object> custom = new LinkedHashMap<>();
        for (String field : List.of("organisation", "display_name", "org_type", "website")) {
            if (row.get(field) != null) custom.put(NAMESPACE + ":" + field, row.get(field));
        }
        person.put("custom_fields", custom);
        return person;
    }

    /** A JSON object whose fields come out in the order written, as the docs show them. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }

    static Map<String, String> href(String url) {
        return Map.of("href", url);
    }
}
