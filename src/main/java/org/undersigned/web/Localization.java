package org.undersigned.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the page language: an explicit ?lang= (remembered in a cookie), else the cookie,
 * else the best match of Accept-Language, else English.
 */
public final class Localization {
    private static final String ATTRIBUTE = "locale";
    private static final String COOKIE = "lang";
    private final List<Locale> supported;
    private final boolean https;

    public Localization(List<Locale> supported, boolean https) {
        this.supported = supported;
        this.https = https;
    }

    public void resolve(Context ctx) {
        Locale chosen = supportedOrNull(ctx.queryParam("lang"));
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
        if (chosen == null) chosen = fromAcceptLanguage(ctx.header("Accept-Language"));
        ctx.attribute(ATTRIBUTE, chosen);
    }

    public static Locale of(Context ctx) {
        Locale locale = ctx.attribute(ATTRIBUTE);
        return locale == null ? Messages.FALLBACK : locale;
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
