package org.undersigned.signatories;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.undersigned.petition.SignatureState;
import org.undersigned.text.Text;

/**
 * What a coordinator asked to see: search text, state (null: any), country, type, tag (its name_key), order and page,
 * and the authenticity hint (null: any; the hint is {@link DomainMatch}'s rule in Java, so it filters rows once read).
 * Unknown values fall back.
 */
public record Filter(String query, SignatureState state, String country, String orgType, String tag, Sort sort, int page, DomainMatch domain) {
    static final int PAGE_SIZE = 50;

    /** Each order is a fixed piece of SQL chosen by name, never text from the request. */
    enum Sort {
        NEWEST("created_at DESC, id DESC"), OLDEST("created_at ASC, id ASC"),
        NAME("lower(COALESCE(display_name, organisation, last_name)), id"), COUNTRY("country, lower(COALESCE(display_name, organisation, last_name)), id");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    static Filter from(Context ctx) {
        String state = Text.line(ctx.queryParam("status"));
        String country = Text.line(ctx.queryParam("country")).toUpperCase(java.util.Locale.ROOT);
        String sortName = Text.line(ctx.queryParam("sort")).toUpperCase(java.util.Locale.ROOT);
        Sort sort = java.util.Arrays.stream(Sort.values()).filter(s -> s.name().equals(sortName)).findFirst().orElse(Sort.NEWEST);
        int page;
        try {
            page = Math.max(1, Math.min(100_000, Integer.parseInt(Text.line(ctx.queryParam("page")))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        String query = Text.line(ctx.queryParam("q"));
        return new Filter(query.length() > 200 ? query.substring(0, 200) : query,
                SignatureState.of(state).orElse(null),
                country.matches("[A-Z]{2}") ? country : "",
                Text.line(ctx.queryParam("org_type")).replaceAll("[^a-z_]", ""),
                Tags.key(Text.line(ctx.queryParam("tag"))), sort, page, DomainMatch.of(Text.line(ctx.queryParam("domain"))).orElse(null));
    }

    /** Whether a row read with the SQL part of this filter also has the hint asked for. */
    boolean admits(SignatoryRow row) {
        return domain == null || row.domainMatch() == domain;
    }

    /** The state as the SQL binds it: its code, or empty for any. */
    String stateCode() {
        return state == null ? "" : state.code();
    }

    /** For SQL LIKE ... ESCAPE '!': the search text with !, % and _ taken literally. */
    String like() {
        return "%" + query.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    /** This filter as a query string, for the CSV link and the pages. */
    public String queryString(int forPage) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("q", query);
        params.put("status", state == null ? "" : state.code());
        params.put("country", country);
        params.put("org_type", orgType);
        params.put("tag", tag);
        params.put("domain", domain == null ? "" : domain.code());
        params.put("sort", sort.name().toLowerCase(java.util.Locale.ROOT));
        if (forPage > 1) params.put("page", String.valueOf(forPage));
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (v.isEmpty()) return;
            out.append(out.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
