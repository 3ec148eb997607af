package org.undersigned.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Javalin's renderer: adds what every page's layout needs (language, switcher links, base URL). */
public final class PageRenderer implements FileRenderer {
    private final Templates templates;
    private final Localization localization;
    private final String baseUrl;

    public PageRenderer(Templates templates, Localization localization, String baseUrl) {
        this.templates = templates;
        this.localization = localization;
        this.baseUrl = baseUrl;
    }

    @Override
    public String render(String path, Map<String, ?> model, Context ctx) {
        ctx.contentType("text/html; charset=utf-8");
        Locale locale = Localization.of(ctx);
        Map<String, Object> page = new HashMap<>(model);
        page.put("lang", locale.getLanguage());
        page.put("dir", Languages.direction(locale.getLanguage()));
        page.put("languages", localization.supported().stream()
                .map(l -> Map.of("code", l.getLanguage(), "name", l.getDisplayLanguage(l),
                        "current", l.getLanguage().equals(locale.getLanguage())))
                .toList());
        page.put("currentPath", ctx.method().name().equals("GET") ? ctx.path() : "/");
        page.put("baseUrl", baseUrl);
        for (String fromRequest : new String[] {"me", "csrf"}) {
            if (ctx.attribute(fromRequest) != null) page.putIfAbsent(fromRequest, ctx.attribute(fromRequest));
        }
        return templates.render(path, page, locale);
    }
}
