package org.undersigned.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.undersigned.launch.LaunchKeys;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionText;
import org.undersigned.petition.Petitions;
import org.undersigned.petition.Published;
import org.undersigned.signature.Signing;
import org.undersigned.text.Countries;
import org.undersigned.text.Markdown;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;
import org.undersigned.web.SecurityHeaders;

/**
 * The public routes of every kind of petition, built once per kind: its page and embed with the
 * sign-on form, the form's POST, and its JSON. What differs by kind is its {@link KindPage}.
 */
public final class PetitionPages {
    private final Petitions petitions;
    private final PublicPages cache;
    private final Signing signing;
    private final Markdown markdown;
    private final Countries countries;
    private final LaunchKeys launchKeys;
    private final List<KindPage> kinds;
    /** The longest search of a public list: a name is at most 200 characters, and a search is a part of one. */
    static final int MAX_QUERY = 100;

    public PetitionPages(Petitions petitions, PublicPages cache, Signing signing, Markdown markdown, Countries countries,
                         LaunchKeys launchKeys, List<KindPage> kinds) {
        this.launchKeys = launchKeys;
        this.petitions = petitions;
        this.cache = cache;
        this.signing = signing;
        this.markdown = markdown;
        this.countries = countries;
        this.kinds = List.copyOf(kinds);
    }

    public void register(RoutesConfig routes) {
        for (KindPage kind : kinds) {
            String path = "/" + kind.kind().plural() + "/{slug}";
            routes.get(path, ctx -> {
                Optional<Published> early = beforeOpening(ctx, kind, ctx.queryParam(LaunchKeys.PARAM));
                String query = kind.searchable() ? Text.line(ctx.queryParam("q")) : "";
                if (early.isPresent()) page(ctx, kind, early.get(), Map.of(), List.of(), false);
                else if (query.isEmpty()) cached(ctx, kind, "page", (c, p) -> page(c, kind, p, Map.of(), List.of(), false));
                else searched(ctx, kind, query);
            });
            routes.post(path + "/signatures", ctx -> sign(ctx, kind, false));
            routes.get(path + "/embed", ctx -> cached(ctx, kind, compact(ctx) ? "embed-compact" : "embed",
                    (c, p) -> page(c, kind, p, Map.of(), List.of(), true)));
            routes.post(path + "/embed", ctx -> sign(ctx, kind, true));
            // the "check your email" page's offers, on the page and in the embed
            routes.post(path + "/signatures/resend", ctx -> signing.afterSigning().resend(ctx, signed(ctx, kind), false));
            routes.post(path + "/signatures/correct", ctx -> signing.afterSigning().correct(ctx, signed(ctx, kind), false));
            routes.post(path + "/embed/resend", ctx -> signing.afterSigning().resend(ctx, signed(ctx, kind), true));
            routes.post(path + "/embed/correct", ctx -> signing.afterSigning().correct(ctx, signed(ctx, kind), true));
            routes.get("/api/v1" + path, ctx -> {
                ctx.header("Access-Control-Allow-Origin", "*");
                cached(ctx, kind, "json", (c, p) -> c.json(kind.json(p)));
            });
        }
    }

    @FunctionalInterface
    private interface Render {
        void render(Context ctx, Published published);
    }

    private void cached(Context ctx, KindPage kind, String variant, Render render) {
        Published published = petitions.publicOne(kind.kind(), ctx.pathParam("slug"));
        cache.serve(ctx, published, text(ctx, published).lang(), variant, c -> render.render(c, published));
    }

    /**
     * The page with its public list narrowed to the names that contain the query: rendered for this
     * reader, not kept (the page without a query stays cached). A query longer than
     * {@link #MAX_QUERY} is refused with a message beside the search field, and the whole list.
     */
    private void searched(Context ctx, KindPage kind, String query) {
        Published published = petitions.publicOne(kind.kind(), ctx.pathParam("slug"));
        boolean tooLong = Text.length(query) > MAX_QUERY;
        Map<String, Object> search = new java.util.HashMap<>();
        search.put("q", query);
        if (tooLong) search.put("error", "error.q.too_long");
        ctx.header("Cache-Control", "no-store");
        if (tooLong) ctx.status(400);
        page(ctx, kind, published, Map.of(), List.of(), false, null, tooLong ? null : query, search);
    }

    /**
     * The public page of a petition that is not public yet (a draft, or one whose opening time has
     * not come), as it will look once open, with a line saying so: for the coordinators' preview,
     * whose route checks who may see it. Never cached; its form works only once the petition opens.
     */
    public void preview(Context ctx, Kind kind, String slug, Map<String, Object> notice) {
        KindPage page = kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow(NotFoundResponse::new);
        Published published = petitions.preview(kind, slug).orElseThrow(NotFoundResponse::new);
        page(ctx, page, published, Map.of(), List.of(), false, notice, null, null);
    }

    /**
     * A scheduled petition opened by its pre-launch key (see {@link LaunchKeys}), or nothing: then
     * the request goes on as without a key, and a wrong key meets the same 404 as none. Only a
     * request that carries a key pays for the lookup. The page it renders holds an unpublished
     * text: out of every cache, out of search engines.
     */
    private Optional<Published> beforeOpening(Context ctx, KindPage kind, String key) {
        if (key == null) return Optional.empty();
        Optional<Published> early = launchKeys.before(kind.kind(), ctx.pathParam("slug"), key);
        early.ifPresent(p -> {
            SecurityHeaders.noStore(ctx);
            ctx.header("X-Robots-Tag", "noindex, nofollow");
            ctx.attribute(LaunchKeys.PARAM, key);
        });
        return early;
    }

    private void sign(Context ctx, KindPage kind, boolean embed) {
        Optional<Published> early = embed ? Optional.empty() : beforeOpening(ctx, kind, ctx.formParam(LaunchKeys.PARAM));
        Published published = early.isPresent() ? early.get() : petitions.publicOne(kind.kind(), ctx.pathParam("slug"));
        PetitionText text = text(ctx, published); // the language the signer read and signs
        signing.handle(ctx, text, kind.form(), embed, (c, values, errors) -> page(c, kind, published, values, errors, embed));
    }

    /** The petition as its signer read it, for the pages after signing. */
    private PetitionText signed(Context ctx, KindPage kind) {
        return text(ctx, petitions.publicOne(kind.kind(), ctx.pathParam("slug")));
    }

    private void page(Context ctx, KindPage kind, Published published, Map<String, String> values, List<FieldError> errors, boolean embed) {
        page(ctx, kind, published, values, errors, embed, null, null, null);
    }

    private void page(Context ctx, KindPage kind, Published published, Map<String, String> values, List<FieldError> errors, boolean embed,
                      Map<String, Object> preview, String query, Map<String, Object> search) {
        PetitionText text = text(ctx, published);
        Petition petition = text.petition();
        Locale locale = Localization.of(ctx);
        Map<String, Object> model = signing.formModel(petition, values, errors, embed);
        model.putAll(text.model());
        model.put("countries", countries.all(locale));
        if (!embed) model.put("bodyHtml", new SafeString(markdown.toHtml(petition.body())));
        kind.addTo(model, text, locale, embed, query);
        if (embed) model.put("compact", compact(ctx));
        if (preview != null) model.put("preview", preview);
        if (search != null) model.put("search", search);
        String key = ctx.attribute(LaunchKeys.PARAM);
        if (key != null) model.put("launchKey", key); // the form carries it; the page leaves out what social previews read
        ctx.render(kind.template(embed), model);
    }

    /**
     * An embed asked for its short form ({@code ?compact=1}, kept in its form's address): the
     * required fields only, for a narrow column on the host's page.
     */
    private static boolean compact(Context ctx) {
        return "1".equals(ctx.queryParam("compact"));
    }

    /** The petition in the language this reader gets (see {@link Localization#textLanguage}). */
    private static PetitionText text(Context ctx, Published published) {
        return published.in(Localization.textLanguage(ctx, published.languages(), published.petition().lang()));
    }
}
