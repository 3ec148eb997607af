package org.undersigned.dashboard;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.SignatureState;

interface DashboardDao {
    /** A petition and how many of its signatures are in one state (state null: it has none yet). */
    record Line(long id, Kind kind, String slug, String title, PetitionStatus status, Long opensAt, Long closesAt, boolean needsApproval,
                SignatureState state,
                long count) {}

    /** Every petition an admin sees, or those assigned to this coordinator, a line per state of its signatures. */
    @SqlQuery("""
            SELECT p.id, p.kind, p.slug, p.title, p.status, p.opens_at, p.closes_at, p.needs_approval, s.state, COUNT(s.id) AS count
            FROM petitions p LEFT JOIN signatures s ON s.petition_id = p.id
            WHERE :admin OR p.id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :coordinatorId)
            GROUP BY p.id, p.kind, p.slug, p.title, p.status, p.opens_at, p.closes_at, p.needs_approval, p.created_at, s.state
            ORDER BY p.created_at DESC, p.id DESC""")
    @RegisterConstructorMapper(Line.class)
    List<Line> visibleTo(boolean admin, long coordinatorId);
}
