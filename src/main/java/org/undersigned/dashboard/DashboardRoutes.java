package org.undersigned.dashboard;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.undersigned.alert.Alerts;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;

/** GET /admin: the statements and campaigns this coordinator looks after, and their numbers. */
public final class DashboardRoutes {
    private final Database database;
    private final Alerts alerts;
    private final java.time.Clock clock;

    public DashboardRoutes(Database database, Alerts alerts, java.time.Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> {
            Coordinator me = AdminAccess.coordinator(ctx);
            var petitions = PetitionSummary.of(database.reads().withExtension(DashboardDao.class, dao -> dao.visibleTo(me.isAdmin(), me.id())),
                    clock.millis());
            long since = clock.millis() - 24 * 3_600_000L;
            ctx.render("admin/dashboard.peb", Map.of("petitions", petitions, "alerts", alerts.recent(since, me.isAdmin(), me.id())));
        });
    }
}
