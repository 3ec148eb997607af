package org.undersigned.signatories;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.SignatureState;
import org.undersigned.petition.StateCounts;
import org.undersigned.signature.OrgType;
import org.undersigned.signature.SuspectReview;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.Clock;
import org.undersigned.web.Localization;
import org.undersigned.text.Messages;
import org.undersigned.text.Text;

/** A petition's page for its coordinators: numbers, links, the searchable list, moderation, CSV. */
public final class SignatoryAdminRoutes {
    private final Database database;
    private final PetitionAccess access;
    private final Audit audit;
    private final Messages messages;
    private final Clock clock;
    private final SuspectReview suspects;

    public SignatoryAdminRoutes(Database database, PetitionAccess access, Audit audit, Messages messages, Clock clock,
                                SuspectReview suspects) {
        this.suspects = suspects;
        this.database = database;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/statements/{slug}", ctx -> list(ctx, "statement"));
        routes.get("/admin/statements/{slug}/signatures.csv", ctx -> csv(ctx, "statement"));
        routes.post("/admin/statements/{slug}/moderation", ctx -> moderate(ctx, "statement"));
        routes.get("/admin/statements/{slug}/signatures/{id}", ctx -> one(ctx, "statement"));
        routes.post("/admin/statements/{slug}/signatures/{id}", ctx -> rename(ctx, "statement"));
        routes.get("/admin/campaigns/{slug}", ctx -> list(ctx, "campaign"));
        routes.get("/admin/campaigns/{slug}/signatures.csv", ctx -> csv(ctx, "campaign"));
        routes.post("/admin/campaigns/{slug}/moderation", ctx -> moderate(ctx, "campaign"));
        routes.get("/admin/campaigns/{slug}/signatures/{id}", ctx -> one(ctx, "campaign"));
    }

    private Petition petition(Context ctx, String kind) {
        return access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
    }

    private void list(Context ctx, String kind) {
        Petition petition = petition(ctx, kind);
        Filter filter = Filter.from(ctx);
        Map<String, Object> model = new HashMap<>();
        database.reads().useExtension(SignatoryQueries.class, q -> {
            long total = q.count(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.query(), filter.like());
            model.put("rows", q.page(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.query(), filter.like(),
                    filter.sort().sql, Filter.PAGE_SIZE, filter.offset()));
            model.put("total", total);
            model.put("pages", (total + Filter.PAGE_SIZE - 1) / Filter.PAGE_SIZE);
            model.put("counts", StateCounts.of(q.counts(petition.id())));
            model.put("countryOptions", q.countries(petition.id()));
        });
        long today = clock.millis() / Numbers.DAY_MILLIS;
        database.reads().useExtension(Numbers.class, n -> {
            List<BarChart.Bar> bars = BarChart.bars(n.perDay(petition.id(), (today - BarChart.DAYS + 1) * Numbers.DAY_MILLIS), today);
            model.put("bars", bars);
            model.put("chart", new SafeString(BarChart.svg(bars, messages.get(Localization.of(ctx), "numbers.chart_label"), Localization.of(ctx))));
            model.put("byCountry", n.byCountry(petition.id()));
            model.put("byType", n.byType(petition.id()));
        });
        model.put("petition", petition);
        model.put("filter", filter);
        model.put("sort", filter.sort().name().toLowerCase(java.util.Locale.ROOT));
        model.put("csvQuery", filter.queryString(1));
        model.put("prevQuery", filter.queryString(filter.page() - 1));
        model.put("nextQuery", filter.queryString(filter.page() + 1));
        model.put("orgTypes", OrgType.codes());
        model.put("states", SignatureState.values());
        model.put("changed", ctx.queryParam("changed"));
        ctx.render("admin/signatories.peb", model);
    }

    private void csv(Context ctx, String kind) throws Exception {
        Petition petition = petition(ctx, kind);
        Filter filter = Filter.from(ctx);
        Coordinator me = AdminAccess.coordinator(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + petition.slug() + "-signatures.csv\"");
        AtomicLong rows = new AtomicLong();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            out.write(Csv.BOM);
            Csv csv = new Csv(out);
            csv.row(List.of("organisation_listed", "organisation_submitted", "org_type", "first_name", "last_name", "contact_name",
                    "email", "country", "website", "comment", "status", "text_version", "signed_at", "confirmed_at", "withdrawn_at", "updates"));
            database.reads().useExtension(SignatoryQueries.class, q -> {
                try (var stream = q.all(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.query(), filter.like(), filter.sort().sql)) {
                    stream.forEach(r -> {
                        rows.incrementAndGet();
                        try {
                            csv.row(java.util.Arrays.asList(r.shownName(), r.organisation(), r.orgType(), r.firstName(), r.lastName(),
                                    r.contactName(), r.email(), r.country(), r.website(), r.comment(), r.state().code(),
                                    String.valueOf(r.petitionVersion()), time(r.createdAt()), time(r.confirmedAt()), time(r.withdrawnAt()),
                                    r.updates() ? "yes" : "no"));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            });
        }
        audit.record(me.id(), me.email(), "export", petition.path(), rows.get() + " rows" + (filter.queryString(1).isEmpty() ? "" : " " + filter.queryString(1)));
    }

    private void moderate(Context ctx, String kind) {
        Petition petition = petition(ctx, kind);
        Coordinator me = AdminAccess.coordinator(ctx);
        String decision = Text.line(ctx.formParam("decision"));
        if (!List.of("approve", "reject", "release", "discard").contains(decision)) throw new io.javalin.http.BadRequestResponse("decision");
        String note = Text.line(ctx.formParam("note"));
        List<Long> ids = new ArrayList<>();
        for (String id : ctx.formParams("ids")) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException ignored) {
                // a tampered checkbox value selects nothing
            }
        }
        int changed = database.writer().write(h -> {
            SignatoryQueries q = h.attach(SignatoryQueries.class);
            int n = 0;
            for (long id : ids) {
                boolean done = switch (decision) {
                    case "release" -> suspects.release(h, petition, id);
                    case "discard" -> suspects.discard(h, petition, id);
                    default -> q.moderate(petition.id(), id, decision.equals("approve") ? "approved" : "rejected",
                            note.isEmpty() ? null : truncate(note, 500)) == 1;
                };
                if (done) {
                    n++;
                    audit.record(h, me.id(), me.email(), decision, petition.path() + "#" + id, note);
                }
            }
            return n;
        });
        String back = Text.line(ctx.formParam("back"));
        ctx.redirect("/admin" + petition.path() + (back.startsWith("?") ? back : "") + (back.contains("?") ? "&" : "?")
                + "changed=" + changed, HttpStatus.SEE_OTHER);
    }

    private void one(Context ctx, String kind) {
        Petition petition = petition(ctx, kind);
        SignatoryRow row = database.reads().withExtension(SignatoryQueries.class, q -> q.one(petition.id(), id(ctx)))
                .orElseThrow(NotFoundResponse::new);
        ctx.render("admin/signatory.peb", Map.of("petition", petition, "row", row, "values", Map.of(), "errors", List.of(), "errorFields", List.of()));
    }

    private void rename(Context ctx, String kind) {
        Petition petition = petition(ctx, kind);
        Coordinator me = AdminAccess.coordinator(ctx);
        long id = id(ctx);
        String shown = Text.line(ctx.formParam("display_name"));
        if (Text.length(shown) > 200) throw new io.javalin.http.BadRequestResponse("display_name");
        int changed = database.writer().write(h -> {
            SignatoryRow row = h.attach(SignatoryQueries.class).one(petition.id(), id).orElseThrow(NotFoundResponse::new);
            String newName = shown.isEmpty() || shown.equals(row.organisation()) ? null : shown;
            int n = h.attach(SignatoryQueries.class).rename(petition.id(), id, newName);
            audit.record(h, me.id(), me.email(), "rename", petition.path() + "#" + id,
                    row.shownName() + " → " + (newName == null ? row.organisation() : newName));
            return n;
        });
        if (changed == 0) throw new NotFoundResponse();
        ctx.redirect("/admin" + petition.path() + "/signatures/" + id, HttpStatus.SEE_OTHER);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private static String time(Long millis) {
        return millis == null ? "" : Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
