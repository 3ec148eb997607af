package org.undersigned.delivery;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Petitions;
import org.undersigned.text.Countries;
import org.undersigned.text.Languages;
import org.undersigned.text.Markdown;
import org.undersigned.web.Localization;
import org.undersigned.web.PageRenderer;
import org.undersigned.web.SecurityHeaders;

/**
 * The delivery dossier of a statement, for its coordinators: a printable page, the same as a PDF,
 * and the CSV whose SHA-256 is the fingerprint printed on both (see {@link DeliveryList}).
 */
public final class DeliveryRoutes {
    private static final String TEMPLATE = "admin/delivery.peb";
    private final Delivery delivery;
    private final Database database;
    private final PetitionAccess access;
    private final Audit audit;
    private final Countries countries;
    private final Markdown markdown;
    private final PageRenderer renderer;
    private final java.time.Clock clock;

    public DeliveryRoutes(Database database, PetitionAccess access, Audit audit, Countries countries, Markdown markdown,
                          PageRenderer renderer, java.time.Clock clock) {
        this.delivery = new Delivery(database);
        this.database = database;
        this.access = access;
        this.audit = audit;
        this.countries = countries;
        this.markdown = markdown;
        this.renderer = renderer;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        String path = "/admin/" + Kind.STATEMENT.plural() + "/{slug}/delivery";
        routes.get(path, ctx -> {
            Petition petition = petition(ctx);
            SecurityHeaders.noStore(ctx);
            ctx.html(renderer.render(TEMPLATE, model(ctx, petition, delivery.list(petition.id()), false), ctx));
        });
        routes.get(path + ".pdf", ctx -> {
            Petition petition = petition(ctx);
            DeliveryList list = delivery.list(petition.id());
            String xhtml = renderer.render(TEMPLATE, model(ctx, petition, list, true), ctx);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            Delivery.pdf(xhtml, pdf);
            record(ctx, petition, "pdf " + list.fingerprint());
            SecurityHeaders.noStore(ctx);
            ctx.res().setCharacterEncoding(null); // rendering the page set UTF-8, which a PDF has no use for
            ctx.contentType(io.javalin.http.ContentType.APPLICATION_PDF);
            ctx.header("Content-Disposition", "attachment; filename=\"" + petition.slug() + "-delivery.pdf\"");
            ctx.result(pdf.toByteArray());
        });
        routes.get(path + ".csv", ctx -> {
            Petition petition = petition(ctx);
            DeliveryList list = delivery.list(petition.id());
            record(ctx, petition, "csv " + list.fingerprint());
            SecurityHeaders.noStore(ctx);
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + petition.slug() + "-delivery.csv\"");
            ctx.result(list.csv());
        });
    }

    private Petition petition(Context ctx) {
        Petition stored = access.manageable(AdminAccess.coordinator(ctx), Kind.STATEMENT, ctx.pathParam("slug"));
        String lang = ctx.queryParam("lang");
        // a language version's words, when asked for one it has; else the words as written
        return lang == null ? stored : database.reads().withHandle(h -> Petitions.in(h, stored, lang));
    }

    private void record(Context ctx, Petition petition, String detail) {
        Coordinator me = AdminAccess.coordinator(ctx);
        audit.record(me.id(), me.email(), "delivery", petition.path(), detail);
    }

    private Map<String, Object> model(Context ctx, Petition petition, DeliveryList list, boolean pdf) {
        Locale locale = Localization.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("textDir", Languages.direction(petition.lang()));
        model.put("bodyHtml", new SafeString(markdown.toHtml(petition.body())));
        model.put("pdf", pdf);
        model.put("today", clock.millis());
        model.put("fingerprint", list.fingerprint());
        model.put("count", list.rows().size());
        // the initiators: those who signed through the pre-launch link, before the opening time
        Long opensAt = petition.opensAt();
        model.put("initiators", opensAt == null ? List.of() : list.rows().stream().filter(r -> r.confirmedAt() < opensAt).toList());
        Map<String, List<DeliveryList.Row>> byCountry = new LinkedHashMap<>();
        for (DeliveryList.Row r : list.rows()) byCountry.computeIfAbsent(r.country(), c -> new ArrayList<>()).add(r);
        java.text.Collator collator = java.text.Collator.getInstance(locale);
        List<Map<String, Object>> groups = new ArrayList<>();
        byCountry.forEach((code, rows) -> groups.add(Map.of("name", countries.name(code, locale), "rows", rows)));
        groups.sort((a, b) -> collator.compare((String) a.get("name"), (String) b.get("name")));
        model.put("groups", groups);
        model.put("countryCount", groups.size());
        return model;
    }
}
