package org.undersigned.signature;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a sign-on came from, for the coordinators' numbers: a short label (signatures.referral),
 * never a whole address. The page's own {@code source} or {@code utm_source} parameter wins (a
 * newsletter's link says "newsletter"), else the referring site's domain, lowercased, without
 * "www." and without its path or query: https://www.example.org/a/b?c=d is "example.org".
 *
 * <p>The public page is the same bytes for every reader (it is cached), so the page's own script
 * copies its address's parameter, or the site that referred the reader there, into the form's
 * hidden {@link #FIELD}; without the script, the form post's own Referer (the page, with its query,
 * on this site) still gives the parameter.
 */
public final class Referral {
    /** The sign-on form's hidden field. */
    public static final String FIELD = "referral";
    public static final int MAX_LENGTH = 64;

    private Referral() {}

    /**
     * The label of a sign-on, or null: from the form's field, else from the post's Referer header
     * ({@code ownHost}: this site, whose pages are not a referral).
     */
    public static String of(String field, String referer, String ownHost) {
        String given = label(field, ownHost);
        if (given != null) return given;
        if (referer == null || referer.isBlank()) return null;
        URI uri = uri(referer.strip());
        if (uri == null || uri.getHost() == null) return null;
        if (uri.getHost().equalsIgnoreCase(ownHost)) return parameter(uri.getRawQuery());
        return domain(uri.getHost());
    }

    /** A label as the form carries it: a word such as "newsletter", or an address or host, of which only the domain is kept. */
    static String label(String raw, String ownHost) {
        if (raw == null) return null;
        String text = raw.strip();
        if (text.isEmpty()) return null;
        if (text.contains("://")) {
            URI uri = uri(text);
            if (uri == null || uri.getHost() == null || uri.getHost().equalsIgnoreCase(ownHost)) return null;
            return domain(uri.getHost());
        }
        return word(text);
    }

    /** The source or utm_source parameter of a query string, or null. */
    private static String parameter(String query) {
        if (query == null) return null;
        String utm = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("source")) return word(value);
            if (name.equals("utm_source") && utm == null) utm = value;
        }
        return word(utm);
    }

    private static String domain(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return word(lower.startsWith("www.") ? lower.substring(4) : lower);
    }

    /** Lowercased, only letters, digits and . _ - kept (anything else a hyphen), at most {@link #MAX_LENGTH}; null when empty. */
    private static String word(String raw) {
        if (raw == null) return null;
        String cleaned = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        if (cleaned.isEmpty()) return null;
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (Exception e) {
            return null;
        }
    }
}
