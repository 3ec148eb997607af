package org.undersigned.statement;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The public list reads only organisations listed by name; those counted only are counted, never read. */
interface SignatoryDao {
    @SqlQuery("""
            SELECT COALESCE(display_name, organisation) AS organisation, country, org_type, website, confirmed_at
            FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed' AND listing = 'name'
            ORDER BY country, organisation""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> named(long petitionId);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petitionId AND state = 'listed' AND listing = 'count_only'")
    long countedOnly(long petitionId);
}
