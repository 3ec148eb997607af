package org.undersigned.signatories;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The figures on a petition's coordinator page: sign-ups per day, and listed signatures by country and by type. */
interface Numbers {
    record Day(long day, long signed, long confirmed) {}

    record Group(String key, long count) {}

    long DAY_MILLIS = 86_400_000L;

    @SqlQuery("""
            SELECT created_at / 86400000 AS day, COUNT(*) AS signed,
                   COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0) AS confirmed
            FROM signatures
            WHERE petition_id = :petitionId AND created_at >= :since
            GROUP BY created_at / 86400000
            ORDER BY day""")
    @RegisterConstructorMapper(Day.class)
    List<Day> perDay(long petitionId, long since);

    @SqlQuery("""
            SELECT country AS key, COUNT(*) AS count FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed'
            GROUP BY country ORDER BY count DESC, country""")
    @RegisterConstructorMapper(Group.class)
    List<Group> byCountry(long petitionId);

    @SqlQuery("""
            SELECT org_type AS key, COUNT(*) AS count FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed' AND org_type IS NOT NULL
            GROUP BY org_type ORDER BY count DESC, org_type""")
    @RegisterConstructorMapper(Group.class)
    List<Group> byType(long petitionId);
}
