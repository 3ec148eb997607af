package org.undersigned.signatories;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.undersigned.petition.StateCounts;

/**
 * The coordinators' list. The order is {@link Filter.Sort}'s fixed SQL; everything else is bound.
 * LIKE escapes with '!' because JDBI's template engine reads a backslash as its own escape.
 */
@RegisterConstructorMapper(SignatoryRow.class)
interface SignatoryQueries {
    String COLUMNS = """
            id, organisation, display_name, org_type, website, contact_name, first_name, last_name,
            email, comment, country, updates, petition_version, created_at, confirmed_at, withdrawn_at, moderation_note, suspect, state, locale, text_lang,
            source, source_note, listing, (SELECT string_agg(t.name, ', ' ORDER BY t.name_key) FROM signature_tags st
                JOIN tags t ON t.petition_id = st.petition_id AND t.name_key = st.name_key
                WHERE st.signature_id = signatures.id) AS tags""";
    String MATCHES = """
            petition_id = :petitionId
            AND (:state = '' OR state = :state)
            AND (:country = '' OR country = :country)
            AND (:orgType = '' OR org_type = :orgType)
            AND (:tag = '' OR EXISTS (SELECT 1 FROM signature_tags st
                 WHERE st.petition_id = :petitionId AND st.name_key = :tag AND st.signature_id = signatures.id))
            AND (:query = '' OR lower(COALESCE(organisation, '')) LIKE :like ESCAPE '!'
                 OR lower(COALESCE(display_name, '')) LIKE :like ESCAPE '!'
                 OR lower(COALESCE(contact_name, '')) LIKE :like ESCAPE '!'
                 OR lower(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE :like ESCAPE '!'
                 OR lower(email) LIKE :like ESCAPE '!')""";

    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE " + MATCHES + " ORDER BY <sort> LIMIT :limit OFFSET :offset")
    List<SignatoryRow> page(long petitionId, String state, String country, String orgType, String tag, String query, String like,
                            @Define("sort") String sort, int limit, int offset);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE " + MATCHES)
    long count(long petitionId, String state, String country, String orgType, String tag, String query, String like);

    /** Every match, for the CSV; read in batches (PostgreSQL reads through a cursor only inside a transaction, else the whole result at once). */
    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE " + MATCHES + " ORDER BY <sort>")
    @FetchSize(1000)
    Stream<SignatoryRow> all(long petitionId, String state, String country, String orgType, String tag, String query, String like,
                             @Define("sort") String sort);

    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE petition_id = :petitionId AND id = :id")
    Optional<SignatoryRow> one(long petitionId, long id);

    @SqlQuery("SELECT state, COUNT(*) AS count FROM signatures WHERE petition_id = :petitionId GROUP BY state")
    @RegisterConstructorMapper(StateCounts.Row.class)
    List<StateCounts.Row> counts(long petitionId);

    @SqlQuery("SELECT DISTINCT country FROM signatures WHERE petition_id = :petitionId ORDER BY country")
    List<String> countries(long petitionId);

    /** Approves a sign-on awaiting review; 1 if it was. */
    @SqlUpdate("""
            UPDATE signatures SET moderation = 'approved', moderation_note = :note
            WHERE petition_id = :petitionId AND id = :id AND state = 'awaiting'""")
    int approve(long petitionId, long id, String note);

    /** Rejects a sign-on awaiting review or listed; 1 if it was. */
    @SqlUpdate("""
            UPDATE signatures SET moderation = 'rejected', moderation_note = :note
            WHERE petition_id = :petitionId AND id = :id AND state IN ('awaiting', 'listed')""")
    int reject(long petitionId, long id, String note);

    /** A rejected sign-on back to review (awaiting) or, where the petition asks no approval, to the list; 1 if it was rejected. */
    @SqlUpdate("""
            UPDATE signatures SET moderation = CASE WHEN :needsApproval THEN 'awaiting' ELSE 'none' END, moderation_note = NULL
            WHERE petition_id = :petitionId AND id = :id AND state = 'rejected'""")
    int restore(long petitionId, long id, boolean needsApproval);

    /** Every field a coordinator corrects; 0 when the signature was withdrawn or anonymised (nothing left to correct). */
    @SqlUpdate("""
            UPDATE signatures SET organisation = :organisation, display_name = :displayName, org_type = :orgType, website = :website,
                   contact_name = :contactName, first_name = :firstName, last_name = :lastName, email = :email, email_key = :emailKey,
                   country = :country, comment = :comment, listing = :listing
            WHERE petition_id = :petitionId AND id = :id AND status <> 'withdrawn' AND anonymised_at IS NULL""")
    int edit(long petitionId, long id, String organisation, String displayName, String orgType, String website, String contactName,
             String firstName, String lastName, String email, String emailKey, String country, String comment, String listing);

    /** Whether another signature of the petition has this address (its email_key), which may sign it once. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM signatures WHERE petition_id = :petitionId AND email_key = :emailKey AND id <> :id)")
    boolean emailTaken(long petitionId, String emailKey, long id);
}
