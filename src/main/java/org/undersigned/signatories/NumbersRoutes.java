package org.undersigned.signatories;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.text.Messages;
import org.undersigned.web.Localization;

/**
 * A petition's numbers over its whole life, for its coordinators: the confirmation rate, sign-ons
 * by day, by where they came from (see signature.Referral) and by country. The list page keeps its
 * last 30 days and links here.
 */
public final class NumbersRoutes {
    private final PetitionAccess access;
    private final Database database;
    private final Messages messages;
    private final Clock clock;

    public NumbersRoutes(PetitionAccess access, Database database, Messages messages, Clock clock) {
        this.access = access;
        this.database = database;
        this.messages = messages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            routes.get("/admin/" + kind.plural() + "/{slug}/numbers", ctx -> page(ctx, kind));
        }
    }

    private record Whole(Numbers.Split confirmation, List<Numbers.Day> perDay, List<Numbers.Split> byReferral,
                         List<Numbers.Split> byCountry) {}

    private void page(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        Whole whole = database.reads().withExtension(Numbers.class, n -> new Whole(n.confirmation(petition.id()),
                n.perDay(petition.id(), 0), n.byReferral(petition.id()), n.signedByCountry(petition.id())));
        long today = clock.millis() / Numbers.DAY_MILLIS;
        long firstDay = whole.perDay().isEmpty() ? today : whole.perDay().get(0).day();
        List<BarChart.Bar> bars = BarChart.bars(whole.perDay(), firstDay, today);
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("confirmation", whole.confirmation());
        model.put("chart", new SafeString(BarChart.svg(bars, messages.get(Localization.of(ctx), "numbers.whole_chart_label"))));
        model.put("firstDay", bars.get(0).date());
        // the days anyone signed, newest first: a long life's empty days would fill the table
        model.put("days", bars.stream().filter(b -> b.signed() > 0).sorted(Comparator.comparing(BarChart.Bar::date).reversed()).toList());
        model.put("byReferral", whole.byReferral());
        model.put("byCountry", whole.byCountry());
        ctx.render("admin/numbers.peb", model);
    }
}
