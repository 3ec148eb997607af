package org.undersigned.alert;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface AlertDao {
    record Hit(String key, long count) {}


    @SqlQuery("SELECT id FROM petitions WHERE status = 'open'")
    List<Long> openPetitions();

    /** The petition's sign-ons since then: a range of signatures_by_time, a few index pages for a quiet hour. */
    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petitionId AND created_at > :since")
    long signOnsSince(long petitionId, long since);

    @SqlQuery("""
            SELECT client_hash AS key, COUNT(*) AS count FROM signatures
            WHERE petition_id = :petitionId AND created_at > :since AND client_hash IS NOT NULL
            GROUP BY client_hash HAVING COUNT(*) >= :threshold""")
    @RegisterConstructorMapper(Hit.class)
    List<Hit> byClient(long petitionId, long since, int threshold);

    @SqlQuery("""
            SELECT substr(email_key, instr(email_key, '@') + 1) AS key, COUNT(*) AS count FROM signatures
            WHERE petition_id = :petitionId AND created_at > :since AND email_key IS NOT NULL
            GROUP BY substr(email_key, instr(email_key, '@') + 1) HAVING COUNT(*) >= :threshold""")
    @RegisterConstructorMapper(Hit.class)
    List<Hit> byDomain(long petitionId, long since, int threshold);

    @SqlQuery("""
            SELECT lower(organisation) AS key, COUNT(*) AS count FROM signatures
            WHERE petition_id = :petitionId AND created_at > :since AND organisation IS NOT NULL
            GROUP BY lower(organisation) HAVING COUNT(*) >= :threshold""")
    @RegisterConstructorMapper(Hit.class)
    List<Hit> byName(long petitionId, long since, int threshold);

    /** The petition's sign-ons since then kept aside as suspect (rate limit, honeypot): what the alert says was held. */
    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petitionId AND created_at > :since AND suspect IS NOT NULL")
    long heldSince(long petitionId, long since);

    /** The petition's sign-ons since that minute not stored at all (over a ceiling): a range of the counts' primary key. */
    @SqlQuery("SELECT COALESCE(SUM(count), 0) FROM dropped_sign_ons WHERE petition_id = :petitionId AND minute >= :sinceMinute")
    long droppedSince(long petitionId, long sinceMinute);

    /** 1 when this alert is new for this hour; 0 when it was raised already. */
    @SqlUpdate("""
            INSERT INTO alerts (petition_id, kind, key, hour, count, created_at) VALUES (:petitionId, :kind, :key, :hour, :count, :now)
            ON CONFLICT (petition_id, kind, key, hour) DO NOTHING""")
    int raise(long petitionId, String kind, String key, long hour, long count, long now);

    @SqlQuery("""
            SELECT a.id, a.petition_id, a.kind, p.slug, p.kind AS petition_kind, p.title, a.key, a.count, a.created_at
            FROM alerts a JOIN petitions p ON p.id = a.petition_id
            WHERE a.created_at > :since
              AND (:admin OR a.petition_id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :coordinatorId))
            ORDER BY a.created_at DESC LIMIT 50""")
    @RegisterConstructorMapper(Alert.class)
    List<Alert> recent(long since, boolean admin, long coordinatorId);


}
