package org.undersigned.audit;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;

/** The audit trail: every coordinator action, written in the same transaction as the action itself. */
public final class Audit {
    private final Database database;
    private final Clock clock;

    public Audit(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Inside the action's own write transaction. */
    public void record(Handle h, Long coordinatorId, String actor, String action, String target, String detail) {
        h.attach(AuditDao.class).insert(coordinatorId, actor, action, target == null ? "" : target,
                detail == null ? "" : detail, clock.millis());
    }

    /** For actions that write nothing else (an export, a login). */
    public void record(Long coordinatorId, String actor, String action, String target, String detail) {
        database.writer().run(h -> record(h, coordinatorId, actor, action, target, detail));
    }

    public List<AuditEntry> recent(int limit, int offset) {
        return database.reads().withExtension(AuditDao.class, dao -> dao.page(limit, offset));
    }
}
