package org.undersigned.statement;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface SignatoryDao {
    @SqlQuery("""
            SELECT COALESCE(display_name, organisation) AS organisation, country, org_type, website, confirmed_at
            FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed'
            ORDER BY country, organisation""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> confirmed(long petitionId);
}
