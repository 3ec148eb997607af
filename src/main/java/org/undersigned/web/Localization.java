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
        String asked = ctx.queryParam(PARAM);
        if (asked == null && ctx.method().name().equals("POST")) asked = ctx.formParam(PARAM);
        if (asked != null && available.contains(asked.trim().toLowerCase(Locale.ROOT))) return asked.trim().toLowerCase(Locale.ROOT);
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
