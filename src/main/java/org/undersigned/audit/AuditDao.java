package org.undersigned.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface AuditDao {
    @SqlUpdate("""
            INSERT INTO audit_log (coordinator_id, actor, action, target, detail, at)
            VALUES (:coordinatorId, :actor, :action, :target, :detail, :at)""")
    void insert(Long coordinatorId, String actor, String action, String target, String detail, long at);

    @SqlQuery("""
            SELECT a.id, a.actor, a.action, a.target, a.detail, a.at, p.title AS petition_title
            FROM audit_log a LEFT JOIN petitions p
              ON a.target = '/' || p.kind || 's/' || p.slug OR a.target LIKE '/' || p.kind || 's/' || p.slug || '#%'
            ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset""")
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> page(int limit, int offset);
}
