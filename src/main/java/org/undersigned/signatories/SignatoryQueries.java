package org.undersigned.signatories;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The coordinators' list. The order is {@link Filter.Sort}'s fixed SQL; everything else is bound.
 * LIKE escapes with '!' because JDBI's template engine reads a backslash as its own escape.
 */
@RegisterConstructorMapper(SignatoryRow.class)
interface SignatoryQueries {
    String COLUMNS = """
            id, status, moderation, organisation, display_name, org_type, website, contact_name, first_name, last_name,
            email, comment, country, updates, petition_version, created_at, confirmed_at, withdrawn_at, moderation_note, suspect""";
    String MATCHES = """
            petition_id = :petitionId
            AND (:state = '' OR (CASE WHEN suspect IS NOT NULL THEN 'suspect'
                                      WHEN status = 'confirmed' AND moderation IN ('awaiting', 'rejected') THEN moderation
                                      ELSE status END) = :state)
            AND (:country = '' OR country = :country)
            AND (:orgType = '' OR org_type = :orgType)
            AND (:query = '' OR lower(COALESCE(organisation, '')) LIKE :like ESCAPE '!'
                 OR lower(COALESCE(display_name, '')) LIKE :like ESCAPE '!'
                 OR lower(COALESCE(contact_name, '')) LIKE :like ESCAPE '!'
                 OR lower(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE :like ESCAPE '!'
                 OR lower(email) LIKE :like ESCAPE '!')""";

    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE " + MATCHES + " ORDER BY <sort> LIMIT :limit OFFSET :offset")
    List<SignatoryRow> page(long petitionId, String state, String country, String orgType, String query, String like,
                            @Define("sort") String sort, int limit, int offset);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE " + MATCHES)
    long count(long petitionId, String state, String country, String orgType, String query, String like);

    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE " + MATCHES + " ORDER BY <sort>")
    Stream<SignatoryRow> all(long petitionId, String state, String country, String orgType, String query, String like,
                             @Define("sort") String sort);

    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE petition_id = :petitionId AND id = :id")
    Optional<SignatoryRow> one(long petitionId, long id);

    @SqlQuery("""
            SELECT COALESCE(SUM(CASE WHEN status = 'pending' AND suspect IS NULL THEN 1 ELSE 0 END), 0) AS pending,
                   COALESCE(SUM(CASE WHEN status = 'confirmed' AND moderation IN ('none', 'approved') AND suspect IS NULL THEN 1 ELSE 0 END), 0) AS listed,
                   COALESCE(SUM(CASE WHEN suspect IS NOT NULL THEN 1 ELSE 0 END), 0) AS suspect,
                   COALESCE(SUM(CASE WHEN status = 'confirmed' AND moderation = 'awaiting' THEN 1 ELSE 0 END), 0) AS awaiting,
                   COALESCE(SUM(CASE WHEN status = 'confirmed' AND moderation = 'rejected' THEN 1 ELSE 0 END), 0) AS rejected,
                   COALESCE(SUM(CASE WHEN status = 'withdrawn' THEN 1 ELSE 0 END), 0) AS withdrawn
            FROM signatures WHERE petition_id = :petitionId""")
    @RegisterConstructorMapper(Counts.class)
    Counts counts(long petitionId);

    @SqlQuery("SELECT DISTINCT country FROM signatures WHERE petition_id = :petitionId ORDER BY country")
    List<String> countries(long petitionId);

    @SqlUpdate("""
            UPDATE signatures SET moderation = :decision, moderation_note = :note
            WHERE petition_id = :petitionId AND id = :id AND status = 'confirmed' AND moderation <> :decision""")
    int moderate(long petitionId, long id, String decision, String note);

    @SqlUpdate("UPDATE signatures SET display_name = :displayName WHERE petition_id = :petitionId AND id = :id")
    int rename(long petitionId, long id, String displayName);

    record Counts(long pending, long listed, long suspect, long awaiting, long rejected, long withdrawn) {}
}
