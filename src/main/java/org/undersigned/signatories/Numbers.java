package org.undersigned.signatories;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The figures on a petition's coordinator page (sign-ups per day, and listed signatures by country
 * and by type) and on its numbers page (the same over its whole life, the confirmation rate, and
 * sign-ons by where they came from and by country).
 */
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

    /**
     * Sign-ons made on the form (not typed in by a coordinator or handed in through the API) split
     * by a key, with how many of them confirmed their address (later withdrawn ones included).
     */
    record Split(String key, long signed, long confirmed) {
        /** The share confirmed, in whole percent (0 when nobody signed). */
        public long rate() {
            return signed == 0 ? 0 : Math.round(100.0 * confirmed / signed);
        }
    }

    /** The form's sign-ons of the petition's whole life, and how many confirmed; its key is null. */
    @SqlQuery("""
            SELECT NULL AS key, COUNT(*) AS signed, COALESCE(SUM(CASE WHEN confirmed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS confirmed
            FROM signatures WHERE petition_id = :petitionId AND source = 'form'""")
    @RegisterConstructorMapper(Split.class)
    Split confirmation(long petitionId);

    /** By where they came from (signatures.referral; null: nothing known), most first. */
    @SqlQuery("""
            SELECT referral AS key, COUNT(*) AS signed,
                   COALESCE(SUM(CASE WHEN confirmed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS confirmed
            FROM signatures WHERE petition_id = :petitionId AND source = 'form'
            GROUP BY referral ORDER BY signed DESC, referral IS NULL, key""")
    @RegisterConstructorMapper(Split.class)
    List<Split> byReferral(long petitionId);

    /** By country, every sign-on of the form whatever its state, most first. */
    @SqlQuery("""
            SELECT country AS key, COUNT(*) AS signed,
                   COALESCE(SUM(CASE WHEN confirmed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS confirmed
            FROM signatures WHERE petition_id = :petitionId AND source = 'form'
            GROUP BY country ORDER BY signed DESC, key""")
    @RegisterConstructorMapper(Split.class)
    List<Split> signedByCountry(long petitionId);

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
