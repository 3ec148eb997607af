package org.undersigned.publishing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.text.Languages;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;

/**
 * A statement's or campaign's text in another language: add, edit, delete. Every version feeds the
 * one list of signatures; the language is in the path (not ?lang=, which switches the interface).
 */
final class TranslationRoutes {
    private final PetitionAccess access;
    private final Translations translations;

    TranslationRoutes(PetitionAccess access, Translations translations) {
        this.access = access;
        this.translations = translations;
    }

    void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String path = "/admin/" + kind.plural() + "/{slug}/translations";
            routes.get(path, ctx -> choose(ctx, kind));
            routes.get(path + "/{lang}", ctx -> form(ctx, kind));
            routes.post(path + "/{lang}", ctx -> save(ctx, kind));
        }
    }

    /** The "add a translation" select on the petition form submits here with ?language=xx. */
    private void choose(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        String lang = language(petition, ctx.queryParam("language"));
        ctx.redirect("/admin" + petition.path() + "/translations/" + lang, HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        String lang = language(petition, ctx.pathParam("lang"));
        Map<String, String> values = translations.values(petition, lang);
        render(ctx, petition, lang, !values.isEmpty(), values, List.of());
    }

    private void save(Context ctx, Kind kind) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Petition petition = access.manageable(me, kind, ctx.pathParam("slug"));
        String lang = language(petition, ctx.pathParam("lang"));
        if ("delete".equals(ctx.formParam("action"))) {
            translations.delete(me, petition, lang);
        } else {
            Translations.Outcome outcome = translations.save(me, petition, lang, ctx.formParamMap());
            if (!outcome.ok()) {
                boolean exists = translations.find(petition, lang).isPresent();
                render(ctx.status(HttpStatus.BAD_REQUEST), petition, lang, exists, outcome.values(), outcome.errors());
                return;
            }
        }
        ctx.redirect("/admin" + petition.path() + "/edit?saved=1", HttpStatus.SEE_OTHER);
    }

    /** A two-letter language other than the one the petition is written in; anything else does not exist. */
    private static String language(Petition petition, String raw) {
        String lang = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!Languages.isKnown(lang) || lang.equals(petition.lang())) throw new NotFoundResponse();
        return lang;
    }

    private void render(Context ctx, Petition petition, String lang, boolean exists, Map<String, String> values, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("textLang", lang);
        model.put("textDir", Languages.direction(lang));
        model.put("languageName", Languages.name(lang, Localization.of(ctx)));
        model.put("exists", exists);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        ctx.render("admin/translation_form.peb", model);
    }
}
