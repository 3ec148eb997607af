package org.undersigned.audit;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;

/**
 * The audit trail: every coordinator action, written in the same transaction as the action itself.
 * An admin reads it all; a coordinator reads what concerns them (see {@link AuditDao#page}), and in
 * the entries of others neither their address nor what belongs to them alone.
 */
public final class Audit {
    /** Actions whose detail is the actor's own business (search terms) or names a coordinator by address. */
    private static final Set<String> PRIVATE_DETAIL = Set.of("export", "invite", "assign", "unassign");
    private final Database database;
    private final Clock clock;

    /** An entry as stored, with the actor's name as it is now. */
    record Row(long id, Long coordinatorId, String actor, String actorName, String action, String target, String detail, long at,
               Long aboutCoordinatorId, String petitionTitle, String petitionPath) {}

    public Audit(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Inside the action's own write transaction. */
    public void record(Handle h, Long coordinatorId, String actor, String action, String target, String detail) {
        record(h, coordinatorId, actor, action, target, detail, null);
    }

    /** As the other, for an action about a coordinator (invited, assigned): that coordinator reads it too. */
    public void record(Handle h, Long coordinatorId, String actor, String action, String target, String detail, Long aboutCoordinatorId) {
        String kept = target == null ? "" : target;
        h.attach(AuditDao.class).insert(coordinatorId, actor, action, kept, detail == null ? "" : detail, clock.millis(),
                AuditEntry.pathIn(kept), aboutCoordinatorId);
    }

    /** For actions that write nothing else (an export, a login). */
    public void record(Long coordinatorId, String actor, String action, String target, String detail) {
        database.writer().run(h -> record(h, coordinatorId, actor, action, target, detail));
    }

    /** A page of what this reader may see, newest first. */
    public List<AuditEntry> recent(long readerId, boolean admin, int limit, int offset) {
        return database.reads().withExtension(AuditDao.class, dao -> dao.page(readerId, admin, limit, offset)).stream()
                .map(row -> seenBy(row, readerId, admin)).toList();
    }

    /**
     * The entry as this reader sees it. An admin, or the actor, sees it whole; anyone else sees the
     * actor by name (null when unnamed: another coordinator), and no detail that is the actor's own
     * business or another coordinator's address.
     */
    private static AuditEntry seenBy(Row row, long readerId, boolean admin) {
        String actor = row.actor();
        String detail = row.detail();
        if (!admin && !Long.valueOf(readerId).equals(row.coordinatorId())) {
            actor = row.actorName() == null || row.actorName().isBlank() ? null : row.actorName();
            if (PRIVATE_DETAIL.contains(row.action()) && !Long.valueOf(readerId).equals(row.aboutCoordinatorId())) detail = "";
        }
        return new AuditEntry(row.id(), actor, row.action(), row.target(), detail, row.at(), row.petitionTitle(), row.petitionPath());
    }
}
