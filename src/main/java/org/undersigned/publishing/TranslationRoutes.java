package org.undersigned.publishing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Translation;
import org.undersigned.petition.TranslationDao;
import org.undersigned.web.FieldError;
import org.undersigned.text.Languages;
import org.undersigned.web.Localization;
import org.undersigned.text.Text;

/**
 * A statement's or campaign's text in another language: add, edit, delete. Every version feeds the
 * one list of signatures; the language is in the path (not ?lang=, which switches the interface).
 */
public final class TranslationRoutes {
    private final Database database;
    private final PetitionAccess access;
    private final Audit audit;
    private final Clock clock;

    public TranslationRoutes(Database database, PetitionAccess access, Audit audit, Clock clock) {
        this.database = database;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/statements/{slug}/translations", ctx -> choose(ctx, "statement"));
        routes.get("/admin/statements/{slug}/translations/{lang}", ctx -> form(ctx, "statement"));
        routes.post("/admin/statements/{slug}/translations/{lang}", ctx -> save(ctx, "statement"));
        routes.get("/admin/campaigns/{slug}/translations", ctx -> choose(ctx, "campaign"));
        routes.get("/admin/campaigns/{slug}/translations/{lang}", ctx -> form(ctx, "campaign"));
        routes.post("/admin/campaigns/{slug}/translations/{lang}", ctx -> save(ctx, "campaign"));
    }

    /** The "add a translation" select on the petition form submits here with ?language=xx. */
    private void choose(Context ctx, String kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        String lang = language(petition, ctx.queryParam("language"));
        ctx.redirect("/admin" + petition.path() + "/translations/" + lang, HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, String kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        String lang = language(petition, ctx.pathParam("lang"));
        var existing = database.reads().withExtension(TranslationDao.class, dao -> dao.find(petition.id(), lang));
        Map<String, String> values = new HashMap<>();
        existing.ifPresent(t -> {
            values.put("title", t.title());
            values.put("summary", t.summary());
            values.put("body", t.body());
            values.put("consent_text", t.consentText() == null ? "" : t.consentText());
        });
        render(ctx, petition, lang, existing.isPresent(), values, List.of());
    }

    private void save(Context ctx, String kind) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Petition petition = access.manageable(me, kind, ctx.pathParam("slug"));
        String lang = language(petition, ctx.pathParam("lang"));
        if ("delete".equals(ctx.formParam("action"))) {
            database.writer().run(h -> {
                if (h.attach(TranslationDao.class).delete(petition.id(), lang) > 0) {
                    audit.record(h, me.id(), me.email(), "untranslate", petition.path(), lang);
                }
            });
            ctx.redirect("/admin" + petition.path() + "/edit", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, String> values = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String title = field(ctx, "title", values, 300, true, errors);
        String summary = field(ctx, "summary", values, 500, false, errors);
        String body = Text.block(ctx.formParam("body"));
        values.put("body", body);
        if (body.isEmpty()) errors.add(new FieldError("body", "error.body.required"));
        else if (body.length() > PetitionForm.MAX_BODY) errors.add(new FieldError("body", "error.body.too_long"));
        String consent = field(ctx, "consent_text", values, 1000, false, errors);
        if (!errors.isEmpty()) {
            boolean exists = database.reads().withExtension(TranslationDao.class, dao -> dao.find(petition.id(), lang)).isPresent();
            render(ctx.status(HttpStatus.BAD_REQUEST), petition, lang, exists, values, errors);
            return;
        }
        database.writer().run(h -> {
            h.attach(TranslationDao.class).save(new Translation(petition.id(), lang, title, summary, body,
                    consent.isEmpty() ? null : consent, clock.millis()));
            audit.record(h, me.id(), me.email(), "translate", petition.path(), lang);
        });
        ctx.redirect("/admin" + petition.path() + "/edit", HttpStatus.SEE_OTHER);
    }

    private static String field(Context ctx, String name, Map<String, String> values, int max, boolean required, List<FieldError> errors) {
        String value = Text.line(ctx.formParam(name));
        values.put(name, value);
        if (required && value.isEmpty()) errors.add(new FieldError(name, "error." + name + ".required"));
        else if (Text.length(value) > max) errors.add(new FieldError(name, "error." + name + ".too_long"));
        return value;
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
