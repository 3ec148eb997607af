package org.undersigned.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unbescape.html.HtmlEscape;
import org.undersigned.text.Languages;
import org.undersigned.text.Templates;

/** Javalin's renderer: adds what every page's layout needs (language, switcher links, base URL). */
public final class PageRenderer implements FileRenderer {
    /**
     * Stands where a shell's value of this name goes: HTML escaping leaves it as it is, and no
     * title or message holds it (two characters of Unicode's private use area around a word).
     */
    static String mark(String name) {
        return "\uE000" + name + "\uE000";
    }

    private static final Pattern MARKS = Pattern.compile("\uE000(\\w+)\uE000");
    /** Shells kept at most; past that the cache starts again (petitions edited many times, say). */
    static final int MAX_SHELLS = 1_000;
    private final Templates templates;
    private final Localization localization;
    private final String baseUrl;
    /** The site's settings (name, logo, colour, footer links) as they stand, for every page's layout. */
    private final java.util.function.Supplier<?> site;
    /** The language switcher's entries for each supported language, the same for every page. */
    private final Map<String, List<Map<String, Object>>> switchers = new ConcurrentHashMap<>();
    private final Map<Shell, List<String>> shells = new ConcurrentHashMap<>();

    /** A page as rendered with {@link #MARK} for its value: template, everything else it was given, language. */
    private record Shell(String path, Map<String, Object> page, Locale locale) {}

    public PageRenderer(Templates templates, Localization localization, String baseUrl, java.util.function.Supplier<?> site) {
        this.templates = templates;
        this.site = site;
        this.localization = localization;
        this.baseUrl = baseUrl;
        for (Locale locale : localization.supported()) switchers.put(locale.getLanguage(), switcher(locale));
    }

    @Override
    public String render(String path, Map<String, ?> model, Context ctx) {
        Locale locale = Localization.of(ctx);
        return templates.render(path, page(model, ctx, locale), locale);
    }

    /**
     * The page {@link #render} would give with {@code name} set to {@code value} in the model, for
     * pages that differ between requests in that one value (the address on a sign-on's "check your
     * mail" page, rendered thousands of times a second in a spike): rendered once per template,
     * model and language with a mark where the value goes, then answered by putting the value in,
     * escaped as the template's autoescaping does. The template must print the value as plain
     * escaped text. Pages with a session's own parts (me, csrf) are rendered in full each time.
     */
    public String render(String path, Map<String, ?> model, String name, String value, Context ctx) {
        return render(path, model, Map.of(name, value), ctx);
    }

    /** The same for a page that differs between requests in a few values (each printed as plain escaped text). */
    public String render(String path, Map<String, ?> model, Map<String, String> values, Context ctx) {
        List<String> parts = shell(path, model, ctx, values);
        StringBuilder page = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i += 2) {
            page.append(HtmlEscape.escapeHtml4Xml(values.get(parts.get(i)))).append(parts.get(i + 1));
        }
        return page.toString();
    }

    /**
     * The page {@link #render} would give, for a model that every request of its kind shares (the
     * page a signer sees once confirmed, say): rendered once per template, model and language, as
     * {@link #render(String, Map, String, String, Context)} does.
     */
    public String renderShared(String path, Map<String, ?> model, Context ctx) {
        return shell(path, model, ctx, Map.of()).get(0);
    }

    /**
     * The page with a mark for each value, cut at each mark: text, a value's name, text, ... ;
     * kept, or rendered now; rendered in full with the values themselves, as one piece, when the
     * session shows.
     */
    private List<String> shell(String path, Map<String, ?> model, Context ctx, Map<String, String> values) {
        Locale locale = Localization.of(ctx);
        Map<String, Object> page = page(model, ctx, locale);
        boolean session = page.containsKey("me") || page.containsKey("csrf");
        values.forEach((name, value) -> page.put(name, session ? value : mark(name)));
        if (session) return List.of(templates.render(path, page, locale));
        Shell key = new Shell(path, page, locale);
        List<String> parts = shells.get(key);
        if (parts == null) {
            parts = cut(templates.render(path, page, locale));
            if (shells.size() >= MAX_SHELLS) shells.clear();
            shells.put(key, parts);
        }
        return parts;
    }

    private static List<String> cut(String rendered) {
        List<String> parts = new ArrayList<>();
        Matcher m = MARKS.matcher(rendered);
        int from = 0;
        while (m.find()) {
            parts.add(rendered.substring(from, m.start()));
            parts.add(m.group(1));
            from = m.end();
        }
        parts.add(rendered.substring(from));
        return List.copyOf(parts);
    }

    private Map<String, Object> page(Map<String, ?> model, Context ctx, Locale locale) {
        ctx.contentType("text/html; charset=utf-8");
        Map<String, Object> page = new HashMap<>(model);
        page.put("lang", locale.getLanguage());
        page.put("dir", Languages.direction(locale.getLanguage()));
        page.put("languages", switchers.computeIfAbsent(locale.getLanguage(), language -> switcher(locale)));
        // the language switcher leads to a GET page: this one, or the one a POST's answer names (its petition, say)
        String current = model.get("currentPath") instanceof String given ? given : ctx.method().name().equals("GET") ? ctx.path() : "/";
        page.put("currentPath", Localization.switchPath(current));
        page.put("baseUrl", baseUrl);
        page.put("site", site.get());
        SignedIn.of(ctx).ifPresent(signedIn -> {
            page.putIfAbsent("me", signedIn);
            page.putIfAbsent("csrf", signedIn.csrf());
        });
        return page;
    }

    private List<Map<String, Object>> switcher(Locale locale) {
        return localization.supported().stream()
                .<Map<String, Object>>map(l -> Map.of("code", l.getLanguage(), "name", l.getDisplayLanguage(l),
                        "current", l.getLanguage().equals(locale.getLanguage())))
                .toList();
    }
}
