package org.undersigned.campaign;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Counts are queries over listed rows: never a counter that concurrent writes could skew. */
interface SupporterCounts {
    @SqlQuery("""
            SELECT country, COUNT(*) AS count
            FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed'
            GROUP BY country
            ORDER BY count DESC, country""")
    @RegisterConstructorMapper(CountryCount.class)
    List<CountryCount> byCountry(long petitionId);
}
