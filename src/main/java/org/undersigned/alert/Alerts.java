package org.undersigned.alert;

import java.util.List;
import org.undersigned.db.Database;

/** The alerts raised lately, as the dashboard shows them to a coordinator. */
public final class Alerts {
    private final Database database;

    public Alerts(Database database) {
        this.database = database;
    }

    /** Alerts since then on every petition an admin sees, or on those assigned to this coordinator. */
    public List<Alert> recent(long since, boolean admin, long coordinatorId) {
        return database.reads().withExtension(AlertDao.class, dao -> dao.recent(since, admin, coordinatorId));
    }
}
