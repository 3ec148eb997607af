package org.undersigned.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Locale;
import org.undersigned.text.Messages;

/**
 * Chooses the page language: an explicit ?lang= (remembered in a cookie), else the cookie,
 * else the best match of Accept-Language, else English.
 */
public final class Localization {
    private static final String ATTRIBUTE = "locale";
    private static final String EXPLICIT = "locale-explicit";
    /** The query parameter (and, on a sign-on form, the hidden field) naming the language asked for. */
    public static final String PARAM = "lang";
    private static final String COOKIE = "lang";
    private final List<Locale> supported;
    private final boolean https;

    public Localization(List<Locale> supported, boolean https) {
        this.supported = supported;
        this.https = https;
    }

    public void resolve(Context ctx) {
        Locale chosen = supportedOrNull(ctx.queryParam(PARAM));
        if (chosen != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setPath("/");
            cookie.setSameSite(SameSite.LAX);
            cookie.setHttpOnly(true);
            cookie.setSecure(https);
            ctx.cookie(cookie);
        } else {
            chosen = supportedOrNull(ctx.cookie(COOKIE));
        }
        ctx.attribute(EXPLICIT, chosen != null);
        if (chosen == null) chosen = fromAcceptLanguage(ctx.header("Accept-Language"));
        ctx.attribute(ATTRIBUTE, chosen);
    }

    public static Locale of(Context ctx) {
        Locale locale = ctx.attribute(ATTRIBUTE);
        return locale == null ? Messages.FALLBACK : locale;
    }

    /**
     * Which of a text's languages this reader gets: the one asked for ({@code ?lang=}, or the sign-on
     * form's hidden field), else the interface language if it was chosen explicitly, else the best
     * match of Accept-Language among the text's languages (so an Arabic reader finds the Arabic text
     * even though the interface has no Arabic), else the interface language, else the original.
     */
    public static String textLanguage(Context ctx, List<String> available, String original) {
        String asked = asked(ctx, available);
        return asked != null ? asked : unasked(ctx, available, original);
    }

    /**
     * Whether this reader chose the version they read over the one their interface language gives
     * (a version link or an embed's ?lang=, carried by the sign-on form's hidden field) while the
     * interface language was not chosen: then their mails follow that version where the interface
     * speaks its language. A reader who chose an interface language, or whose browser chose one the
     * text has no version in, gets mail in that interface language (the text's language named).
     */
    public static boolean versionChosen(Context ctx, List<String> available, String original) {
        if (Boolean.TRUE.equals(ctx.attribute(EXPLICIT))) return false;
        String asked = asked(ctx, available);
        return asked != null && !asked.equals(unasked(ctx, available, original));
    }

    private static String asked(Context ctx, List<String> available) {
        String asked = ctx.queryParam(PARAM);
        if (asked == null && ctx.method().name().equals("POST")) asked = ctx.formParam(PARAM);
        if (asked == null) return null;
        asked = asked.trim().toLowerCase(Locale.ROOT);
        return available.contains(asked) ? asked : null;
    }

    private static String unasked(Context ctx, List<String> available, String original) {
        String ui = of(ctx).getLanguage();
        if (Boolean.TRUE.equals(ctx.attribute(EXPLICIT)) && available.contains(ui)) return ui;
        String header = ctx.header("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(header), available);
                if (match != null) return match;
            } catch (IllegalArgumentException malformed) {
                // as if there were no header
            }
        }
        return available.contains(ui) ? ui : original;
    }

    /**
     * A link to a page of this site in a mail written in this language: the page answers in the
     * mail's language whatever the browser asks for (see {@link #resolve}).
     */
    public static String link(String url, Locale locale) {
        return url + (url.contains("?") ? "&" : "?") + PARAM + "=" + locale.getLanguage();
    }

    /**
     * The path a language switcher's link leads to: this site's page at that path, whatever the
     * request's path was. A path may begin with "//" or "/\" (a 404 page answers any path), which
     * a browser reads as another site's address, and drops tabs and line breaks before reading it;
     * so those are left out, backslashes are escaped, and the path starts with exactly one slash.
     */
    public static String switchPath(String path) {
        if (path == null) return "/";
        String plain = path.replaceAll("[\\p{Cntrl}\\s]", "").replace("\\", "%5C");
        return "/" + plain.replaceFirst("^/+", "");
    }

    public List<Locale> supported() {
        return supported;
    }

    private Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Messages.FALLBACK;
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), supported);
            return match == null ? Messages.FALLBACK : match;
        } catch (IllegalArgumentException malformed) {
            return Messages.FALLBACK;
        }
    }

    private Locale supportedOrNull(String tag) {
        if (tag == null) return null;
        return supported.stream().filter(l -> l.getLanguage().equalsIgnoreCase(tag.trim())).findFirst().orElse(null);
    }
}
