package org.undersigned.publishing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.coordinator.Coordinators;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.Petitions;
import org.undersigned.web.FieldError;
import org.undersigned.text.Languages;
import org.undersigned.web.Localization;
import org.undersigned.text.Markdown;

/** Creating and editing statements and campaigns, with a Markdown preview that saves nothing. */
final class PublishingRoutes {
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final PetitionEditor editor;
    private final PetitionAccess access;
    private final Petitions petitions;
    private final Coordinators coordinators;
    private final Markdown markdown;
    private final PagePreview pagePreview;
    private final java.time.Clock clock;

    /** Renders a petition's public page as it will look once open (the public side's, see PetitionPages#preview). */
    @FunctionalInterface
    public interface PagePreview {
        void render(Context ctx, Kind kind, String slug, Map<String, Object> notice);
    }

    PublishingRoutes(PetitionEditor editor, PetitionAccess access, Petitions petitions, Coordinators coordinators, Markdown markdown,
                     PagePreview pagePreview, java.time.Clock clock) {
        this.pagePreview = pagePreview;
        this.clock = clock;
        this.editor = editor;
        this.access = access;
        this.petitions = petitions;
        this.coordinators = coordinators;
        this.markdown = markdown;
    }

    void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String admin = "/admin/" + kind.plural();
            routes.get(admin + "/new", ctx -> form(ctx, kind, null, Map.of("status", PetitionStatus.DRAFT.code()), List.of(), null));
            routes.post(admin, ctx -> create(ctx, kind));
            routes.get(admin + "/{slug}/edit", ctx -> edit(ctx, kind));
            routes.post(admin + "/{slug}", ctx -> update(ctx, kind));
            routes.post(admin + "/{slug}/coordinators", ctx -> assign(ctx, kind));
            routes.get(admin + "/{slug}/preview", ctx -> pagePreview(ctx, kind));
        }
    }

    /** Admins choose who coordinates a petition; coordinators see only what they are given. */
    private void assign(Context ctx, Kind kind) {
        Coordinator me = AdminAccess.coordinator(ctx);
        if (!me.isAdmin()) throw new ForbiddenResponse("admins only");
        Petition petition = access.manageable(me, kind, ctx.pathParam("slug"));
        long coordinatorId;
        try {
            coordinatorId = Long.parseLong(ctx.formParam("coordinator_id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("coordinator_id");
        }
        if (!editor.assign(me, petition, coordinatorId, "add".equals(ctx.formParam("action")))) throw new NotFoundResponse();
        ctx.redirect("/admin" + petition.path() + "/edit", HttpStatus.SEE_OTHER);
    }

    /** The public page of a draft or embargoed petition, for its coordinators only (others: 404, or the login page). */
    private void pagePreview(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        Petition now = petition.at(clock.millis());
        if (now.isPublic()) {
            ctx.redirect(petition.path(), HttpStatus.SEE_OTHER); // nothing to preview: the page is out
            return;
        }
        Map<String, Object> notice = new HashMap<>();
        notice.put("status", now.status().code());
        notice.put("opensAt", petition.opensAt());
        notice.put("back", "/admin" + petition.path());
        pagePreview.render(ctx, kind, petition.slug(), notice);
    }

    private void create(Context ctx, Kind kind) {
        if (isPreview(ctx)) {
            preview(ctx, kind, null);
            return;
        }
        PetitionEditor.Outcome outcome = editor.create(AdminAccess.coordinator(ctx), kind, ctx.formParamMap());
        if (outcome.ok()) ctx.redirect("/admin" + outcome.saved().path() + "?saved=1", HttpStatus.SEE_OTHER);
        else form(ctx.status(HttpStatus.BAD_REQUEST), kind, null, outcome.values(), outcome.errors(), null);
    }

    private void edit(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        Map<String, String> values = values(petition);
        PresentationForm.values(editor.presentation(petition), values);
        values.put("list_style", editor.listStyle(petition.id()));
        form(ctx, kind, petition, values, List.of(), null);
    }

    private void update(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        if (isPreview(ctx)) {
            preview(ctx, kind, petition);
            return;
        }
        PetitionEditor.Outcome outcome = editor.update(AdminAccess.coordinator(ctx), petition, ctx.formParamMap());
        if (outcome.ok()) ctx.redirect("/admin" + outcome.saved().path() + "?saved=1", HttpStatus.SEE_OTHER);
        else form(ctx.status(HttpStatus.BAD_REQUEST), kind, petition, outcome.values(), outcome.errors(), null);
    }

    private void preview(Context ctx, Kind kind, Petition petition) {
        PetitionForm.Result form = PetitionForm.parse(kind, ctx.formParamMap());
        form(ctx, kind, petition, form.values(), List.of(), markdown.toHtml(form.values().get("body")));
    }

    private static boolean isPreview(Context ctx) {
        return "preview".equals(ctx.formParam("action"));
    }

    private void form(Context ctx, Kind kind, Petition petition, Map<String, String> values, List<FieldError> errors, String previewHtml) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("petition", petition);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("action", petition == null ? "/admin/" + kind.plural() : "/admin" + petition.path());
        model.put("allLanguages", Languages.all(Localization.of(ctx)));
        String chosenLang = values.get("lang");
        model.put("chosenLang", chosenLang == null || chosenLang.isEmpty() ? "en" : chosenLang);
        if (petition != null) {
            var existing = petitions.translations(petition.id());
            model.put("translations", existing.stream()
                    .map(t -> Map.of("code", t.lang(), "name", Languages.name(t.lang(), Localization.of(ctx)),
                            "dir", Languages.direction(t.lang()), "title", t.title()))
                    .toList());
            java.util.Set<String> taken = new java.util.HashSet<>();
            taken.add(petition.lang());
            existing.forEach(t -> taken.add(t.lang()));
            model.put("addable", addable(taken, Localization.of(ctx)));
            model.put("saved", "1".equals(ctx.queryParam("saved")));
            model.put("pageStatus", petition.at(clock.millis()).status());
        }
        if (petition != null && AdminAccess.coordinator(ctx).isAdmin()) {
            var assigned = editor.assigned(petition);
            var assignedIds = assigned.stream().map(Coordinator::id).toList();
            model.put("assigned", assigned);
            model.put("assignable", coordinators.all().stream()
                    .filter(c -> !assignedIds.contains(c.id())).toList());
        }
        if (previewHtml != null) model.put("previewHtml", new SafeString(previewHtml));
        ctx.render("admin/petition_form.peb", model);
    }

    /**
     * The languages a version can be added in, those the petition has none in: first the interface's
     * own (the most likely, and the first of them is the one offered), then every other one by name.
     */
    private static List<Map<String, String>> addable(java.util.Set<String> taken, java.util.Locale reader) {
        List<Map<String, String>> all = Languages.all(reader);
        List<Map<String, String>> first = new java.util.ArrayList<>();
        for (java.util.Locale l : org.undersigned.text.Messages.BUNDLED) {
            if (!taken.contains(l.getLanguage())) first.add(Map.of("code", l.getLanguage(), "name", Languages.name(l.getLanguage(), reader)));
        }
        List<Map<String, String>> rest = all.stream()
                .filter(m -> !taken.contains(m.get("code")) && first.stream().noneMatch(f -> f.get("code").equals(m.get("code")))).toList();
        List<Map<String, String>> out = new java.util.ArrayList<>(first);
        out.addAll(rest);
        return out;
    }

    private static Map<String, String> values(Petition p) {
        Map<String, String> values = new HashMap<>();
        values.put("title", p.title());
        values.put("lang", p.lang());
        values.put("slug", p.slug());
        values.put("summary", p.summary());
        values.put("body", p.body());
        values.put("status", p.status().code());
        values.put("opens_at", time(p.opensAt()));
        values.put("closes_at", time(p.closesAt()));
        values.put("needs_approval", p.needsApproval() ? "yes" : "");
        values.put("digest", p.digest() ? "yes" : "");
        values.put("goal", p.goal() == null ? "" : p.goal().toString());
        values.put("image_url", p.imageUrl() == null ? "" : p.imageUrl());
        values.put("consent_text", p.consentText() == null ? "" : p.consentText());
        values.put("reply_to", p.replyTo() == null ? "" : p.replyTo());
        values.put("initiated_by", p.initiatedBy() == null ? "" : p.initiatedBy());
        values.put("addressed_to", p.addressedTo() == null ? "" : p.addressedTo());
        return values;
    }

    private static String time(Long millis) {
        return millis == null ? "" : LOCAL_INPUT.format(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
    }
}
