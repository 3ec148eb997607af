package org.undersigned.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface AuditDao {
    /** The petition is the one the target's path names now, if any (the path, or the path, '#' and a signature's id). */
    @SqlUpdate("""
            INSERT INTO audit_log (coordinator_id, actor, action, target, detail, at, petition_id, about_coordinator_id)
            VALUES (:coordinatorId, :actor, :action, :target, :detail, :at,
                    (SELECT id FROM petitions WHERE '/' || kind || 's/' || slug = :petitionPath), :aboutId)""")
    void insert(Long coordinatorId, String actor, String action, String target, String detail, long at, String petitionPath, Long aboutId);

    /**
     * Newest first, the entries this reader may see: an admin all; anyone else their own, those about
     * their account, and those on the petitions assigned to them.
     */
    @SqlQuery("""
            SELECT a.id, a.coordinator_id, a.actor, COALESCE(c.name, a.actor_name) AS actor_name, a.action, a.target, a.detail, a.at,
                   a.about_coordinator_id, p.title AS petition_title, '/' || p.kind || 's/' || p.slug AS petition_path
            FROM audit_log a
            LEFT JOIN petitions p ON p.id = a.petition_id
            LEFT JOIN coordinators c ON c.id = a.coordinator_id
            WHERE :admin OR a.coordinator_id = :readerId OR a.about_coordinator_id = :readerId
               OR a.petition_id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :readerId)
            ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
    @RegisterConstructorMapper(Audit.Row.class)
    List<Audit.Row> page(long readerId, boolean admin, int limit, int offset);
}
