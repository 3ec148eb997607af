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
            SELECT id, actor, action, target, detail, at FROM audit_log
            ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> page(int limit, int offset);
}
