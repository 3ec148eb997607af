package org.undersigned.signatories;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.SignatureState;
import org.undersigned.signature.OrgType;
import org.undersigned.text.Messages;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;

/** A petition's page for its coordinators: numbers, links, the searchable list, moderation, CSV. */
public final class SignatoryAdminRoutes {
    private final PetitionAccess access;
    private final SignatoryOverview overview;
    private final Moderation moderation;
    private final SignatoryExport export;
    private final Tags tags;
    private final Duplicates duplicates;
    private final Members members;
    private final Messages messages;
    private final Clock clock;

    public SignatoryAdminRoutes(PetitionAccess access, SignatoryOverview overview, Moderation moderation, SignatoryExport export,
                                Tags tags, Duplicates duplicates, Members members, Messages messages, Clock clock) {
        this.access = access;
        this.overview = overview;
        this.moderation = moderation;
        this.export = export;
        this.tags = tags;
        this.duplicates = duplicates;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String path = "/admin/" + kind.plural() + "/{slug}";
            routes.get(path, ctx -> list(ctx, kind));
            routes.get(path + "/signatures.csv", ctx -> csv(ctx, kind));
            routes.post(path + "/moderation", ctx -> moderate(ctx, kind));
            routes.post(path + "/tags", ctx -> tag(ctx, kind));
        }
        routes.post("/admin/statements/{slug}/initiators-first", this::initiatorsFirst);
    }

    private Petition petition(Context ctx, Kind kind) {
        return access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
    }

    private void list(Context ctx, Kind kind) {
        Map<String, Object> model = listModel(ctx, petition(ctx, kind));
        ctx.render("admin/signatories.peb", model);
    }

    private Map<String, Object> listModel(Context ctx, Petition petition) {
        Filter filter = Filter.from(ctx);
        SignatoryOverview.ListPage page = overview.page(petition, filter);
        long today = clock.millis() / Numbers.DAY_MILLIS;
        SignatoryOverview.Figures figures = overview.figures(petition, today - BarChart.DAYS + 1);
        List<BarChart.Bar> bars = BarChart.bars(figures.perDay(), today);
        Locale locale = Localization.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", page.rows());
        model.put("total", page.total());
        model.put("pages", page.pages());
        model.put("counts", page.counts());
        model.put("countryOptions", page.countries());
        model.put("bars", bars);
        model.put("chart", new SafeString(BarChart.svg(bars, messages.get(locale, "numbers.chart_label"))));
        model.put("byCountry", figures.byCountry());
        model.put("byType", figures.byType());
        model.put("petition", petition);
        model.put("status", petition.at(clock.millis()).status());
        model.put("filter", filter);
        model.put("sort", filter.sort().name().toLowerCase(Locale.ROOT));
        model.put("csvQuery", filter.queryString(1));
        Csv.Separator usual = Csv.Separator.usualFor(locale);
        model.put("csvOther", usual == Csv.Separator.COMMA ? Csv.Separator.SEMICOLON.code() : Csv.Separator.COMMA.code());
        model.put("prevQuery", filter.queryString(filter.page() - 1));
        model.put("nextQuery", filter.queryString(filter.page() + 1));
        model.put("orgTypes", OrgType.codes());
        // a petition that never asked for approval has no approval state to filter by
        boolean approval = petition.needsApproval() || page.counts().awaiting() > 0;
        model.put("approval", approval);
        model.put("states", java.util.Arrays.stream(SignatureState.values())
                .filter(st -> approval || st != SignatureState.AWAITING).toList());
        model.put("offered", java.util.Arrays.stream(Moderation.Decision.values())
                .filter(d -> page.rows().stream().anyMatch(r -> d.appliesTo(r.state()))).map(Moderation.Decision::code).toList());
        model.put("result", "1".equals(ctx.queryParam("saved")) ? messages.get(locale, "publish.saved") : result(ctx, locale));
        model.put("petitionTags", tags.all(petition));
        // flags on the list up to a size where the whole pass stays a small part of the page's time; beyond, the duplicates page
        long counted = page.counts().byState().values().stream().mapToLong(Long::longValue).sum();
        model.put("duplicates", counted <= Duplicates.FLAGGED_ON_LIST ? duplicates.find(petition) : Duplicates.Found.NONE);
        model.put("duplicatesDeferred", petition.kind() == Kind.STATEMENT && counted > Duplicates.FLAGGED_ON_LIST);
        model.put("initiatorsFirst", petition.kind() == Kind.STATEMENT && tags.initiatorsFirst(petition));
        if (petition.kind() == Kind.STATEMENT) {
            model.put("roster", members.progress(petition));
            model.put("reminderSent", members.reminderSent(petition).orElse(null));
            model.put("membersPublic", members.shownInPublic(petition));
            model.put("reminded", Text.line(ctx.queryParam("reminded")));
        }
        model.put("errors", List.of());
        model.put("errorFields", List.of());
        model.put("selected", List.of());
        return model;
    }

    /**
     * Adds a tag to the selected signatures or removes it (tag_action); a bad tag name shows the list
     * again with what is wrong, the name and the selection kept. The form's address carries the
     * list's filter, which the answer keeps.
     */
    private void tag(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        Tags.Action action = Tags.Action.of(Text.line(ctx.formParam("tag_action"))).orElseThrow(() -> new BadRequestResponse("tag_action"));
        List<Long> ids = ids(ctx);
        Filter filter = Filter.from(ctx);
        String list = "/admin" + petition.path() + filter.queryString(filter.page());
        String join = list.contains("?") ? "&" : "?";
        Tags.Outcome outcome = tags.apply(AdminAccess.coordinator(ctx), petition, ids, ctx.formParam("tag"), action);
        if (!outcome.done()) {
            Map<String, Object> model = listModel(ctx, petition);
            model.put("errors", List.of(new FieldError("tag", outcome.problem())));
            model.put("errorFields", List.of("tag"));
            model.put("tagValue", outcome.name());
            model.put("selected", ids);
            ctx.status(HttpStatus.BAD_REQUEST).render("admin/signatories.peb", model);
            return;
        }
        if (ids.isEmpty()) {
            ctx.redirect(list + join + "done=tag&selected=0", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(list + join + "done=tag&tag_action=" + action.code() + "&changed=" + outcome.changed() + "&tag="
                + java.net.URLEncoder.encode(outcome.name(), java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** Whether the statement's public page lists the signatures tagged "initiator" first. */
    private void initiatorsFirst(Context ctx) {
        Petition petition = petition(ctx, Kind.STATEMENT);
        tags.initiatorsFirst(AdminAccess.coordinator(ctx), petition, "yes".equals(ctx.formParam("initiators_first")));
        ctx.redirect("/admin" + petition.path() + "?saved=1#tags", HttpStatus.SEE_OTHER);
    }

    private static List<Long> ids(Context ctx) {
        List<Long> ids = new ArrayList<>();
        for (String id : ctx.formParams("ids")) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException ignored) {
                // a tampered checkbox value selects nothing
            }
        }
        return ids;
    }

    /** ?sep=comma or semicolon; without it (or with another word, as the filter's unknown values), what a spreadsheet in the coordinator's language expects. */
    private void csv(Context ctx, Kind kind) throws Exception {
        Petition petition = petition(ctx, kind);
        Locale locale = Localization.of(ctx);
        Csv.Separator separator = Csv.Separator.of(Text.line(ctx.queryParam("sep"))).orElse(Csv.Separator.usualFor(locale));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + petition.slug() + "-signatures.csv\"");
        export.write(AdminAccess.coordinator(ctx), petition, Filter.from(ctx), locale, separator, ctx.outputStream());
    }

    /**
     * Applies a decision to the selected signatures. Rejecting asks once more, on a page of its own
     * that names who would be rejected (confirm=yes: decided); nothing selected changes nothing and says so.
     */
    private void moderate(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        Moderation.Decision decision = Moderation.Decision.of(Text.line(ctx.formParam("decision")))
                .orElseThrow(() -> new BadRequestResponse("decision"));
        List<Long> ids = ids(ctx);
        String back = Text.line(ctx.formParam("back"));
        String list = "/admin" + petition.path() + (back.startsWith("?") ? back : "");
        String join = list.contains("?") ? "&" : "?";
        String note = Text.line(ctx.formParam("note"));
        if (ids.isEmpty()) {
            ctx.redirect(list + join + "done=" + decision.code() + "&selected=0", HttpStatus.SEE_OTHER);
            return;
        }
        if (decision == Moderation.Decision.REJECT && !"yes".equals(ctx.formParam("confirm"))) {
            List<SignatoryRow> rows = moderation.applicable(petition, decision, ids);
            if (rows.isEmpty()) {
                ctx.redirect(list + join + "done=reject&changed=0&skipped=" + ids.size(), HttpStatus.SEE_OTHER);
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("petition", petition);
            model.put("rows", rows);
            model.put("note", note);
            model.put("back", back.startsWith("?") ? back : "");
            ctx.render("admin/reject_confirm.peb", model);
            return;
        }
        Moderation.Outcome outcome = moderation.decide(AdminAccess.coordinator(ctx), petition, decision, ids, note);
        ctx.redirect(list + join + "done=" + decision.code() + "&changed=" + outcome.changed() + "&skipped=" + outcome.skipped(),
                HttpStatus.SEE_OTHER);
    }

    /** The line that says what the last decision did, from the redirect's query; null when there was none. */
    private String result(Context ctx, Locale locale) {
        if ("tag".equals(ctx.queryParam("done"))) {
            if ("0".equals(ctx.queryParam("selected"))) return messages.get(locale, "signatories.nothing_selected");
            var action = Tags.Action.of(Text.line(ctx.queryParam("tag_action")));
            if (action.isEmpty()) return null;
            return messages.count(locale, "signatories.tagged." + action.get().code(), number(ctx.queryParam("changed")),
                    Text.line(ctx.queryParam("tag")));
        }
        var decision = Moderation.Decision.of(Text.line(ctx.queryParam("done")));
        if (decision.isEmpty()) return null;
        if ("0".equals(ctx.queryParam("selected"))) return messages.get(locale, "signatories.nothing_selected");
        long changed = number(ctx.queryParam("changed"));
        long skipped = number(ctx.queryParam("skipped"));
        StringBuilder line = new StringBuilder();
        if (changed > 0) line.append(messages.count(locale, "signatories.done." + decision.get().code(), changed));
        if (skipped > 0) line.append(line.isEmpty() ? "" : " ").append(messages.count(locale, "signatories.skipped", skipped));
        return line.isEmpty() ? null : line.toString();
    }

    private static long number(String text) {
        try {
            return Math.max(0, Long.parseLong(Text.line(text)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
