package org.undersigned.dashboard;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface DashboardDao {
    /** Every petition an admin sees, or those assigned to this coordinator, with their counts. */
    @SqlQuery("""
            SELECT p.id, p.kind, p.slug, p.title, p.status,
                   COALESCE(SUM(CASE WHEN s.status = 'confirmed' AND s.moderation IN ('none', 'approved') AND s.suspect IS NULL THEN 1 ELSE 0 END), 0) AS confirmed,
                   COALESCE(SUM(CASE WHEN s.suspect IS NOT NULL THEN 1 ELSE 0 END), 0) AS suspect,
                   COALESCE(SUM(CASE WHEN s.status = 'confirmed' AND s.moderation = 'awaiting' THEN 1 ELSE 0 END), 0) AS awaiting,
                   COALESCE(SUM(CASE WHEN s.status = 'pending' AND s.suspect IS NULL THEN 1 ELSE 0 END), 0) AS pending,
                   COALESCE(SUM(CASE WHEN s.status = 'withdrawn' THEN 1 ELSE 0 END), 0) AS withdrawn
            FROM petitions p LEFT JOIN signatures s ON s.petition_id = p.id
            WHERE :admin OR p.id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :coordinatorId)
            GROUP BY p.id, p.kind, p.slug, p.title, p.status, p.created_at
            ORDER BY p.created_at DESC, p.id DESC""")
    @RegisterConstructorMapper(PetitionSummary.class)
    List<PetitionSummary> visibleTo(boolean admin, long coordinatorId);
}
