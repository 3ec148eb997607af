package org.undersigned.petition;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Petition.class)
interface PetitionDao {
    String COLUMNS = """
            id, kind, slug, title, summary, body, status, goal, created_at, updated_at, closed_at, image_url,
            needs_approval, opens_at, closes_at, consent_text, version, digest, lang, reply_to,
            initiated_by, addressed_to""";

    @SqlQuery("SELECT " + COLUMNS + " FROM petitions WHERE kind = :kind AND slug = :slug")
    Optional<Petition> find(String kind, String slug);

    @SqlQuery("SELECT " + COLUMNS + " FROM petitions WHERE id = :id")
    Optional<Petition> byId(long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM petitions ORDER BY id")
    List<Petition> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM petitions WHERE id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :coordinator) ORDER BY id")
    List<Petition> managedBy(long coordinator);

    @SqlQuery("SELECT " + COLUMNS + " FROM petitions WHERE status = 'open' ORDER BY created_at DESC, id DESC")
    List<Petition> open();

    /** Every public petition, the most recently closed (or due to close) first: the archive keeps those closed by now. */
    @SqlQuery("SELECT " + COLUMNS + " FROM petitions WHERE status IN ('open', 'closed') ORDER BY COALESCE(closed_at, closes_at, created_at) DESC, id DESC")
    List<Petition> published();

    /** How many listed signatures each of these petitions has (those with none are missing). */
    @SqlQuery("SELECT petition_id, COUNT(*) AS n FROM signatures WHERE petition_id IN (<ids>) AND state = 'listed' GROUP BY petition_id")
    @org.jdbi.v3.sqlobject.config.KeyColumn("petition_id")
    @org.jdbi.v3.sqlobject.config.ValueColumn("n")
    java.util.Map<Long, Long> listedCounts(@org.jdbi.v3.sqlobject.customizer.BindList("ids") List<Long> ids);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :id")
    long signatureCount(long id);

    @SqlQuery("""
            INSERT INTO petitions (kind, slug, title, summary, body, status, goal, created_at, updated_at, closed_at, image_url, lang,
                                   initiated_by, addressed_to)
            VALUES (:kind, :slug, :title, :summary, :body, :status, :goal, :now, :now, :closedAt, :imageUrl, :lang,
                    :initiatedBy, :addressedTo)
            RETURNING id""")
    long insert(String kind, String slug, String title, String summary, String body, String status,
                Integer goal, long now, Long closedAt, String imageUrl, String lang, String initiatedBy, String addressedTo);
}
