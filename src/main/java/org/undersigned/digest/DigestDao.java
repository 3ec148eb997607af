package org.undersigned.digest;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface DigestDao {
    record Due(long id, String kind, String slug, String title, Long digestSentAt, long createdAt) {}

    record NewSignOn(String name, String country) {}

    @SqlQuery("""
            SELECT id, kind, slug, title, digest_sent_at, created_at FROM petitions
            WHERE digest AND status <> 'draft' AND COALESCE(digest_sent_at, created_at) <= :dueBefore""")
    @RegisterConstructorMapper(Due.class)
    List<Due> due(long dueBefore);

    @SqlQuery("""
            SELECT COALESCE(display_name, organisation, first_name || ' ' || last_name) AS name, country FROM signatures
            WHERE petition_id = :petitionId AND status = 'confirmed' AND confirmed_at > :since AND confirmed_at <= :until
            ORDER BY confirmed_at""")
    @RegisterConstructorMapper(NewSignOn.class)
    List<NewSignOn> confirmedBetween(long petitionId, long since, long until);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petitionId AND state = 'awaiting'")
    long awaiting(long petitionId);


    @SqlUpdate("UPDATE petitions SET digest_sent_at = :now WHERE id = :id")
    void sent(long id, long now);
}
