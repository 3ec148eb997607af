package org.undersigned.signature;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Signature.class)
interface SignatureDao {
    String COLUMNS = """
            id, petition_id, status, email, organisation, org_type, website, contact_name, first_name,
            last_name, comment, country, locale, updates, mails_sent, created_at, confirmed_at, withdrawn_at, text_lang""";

    @SqlUpdate("""
            INSERT INTO consent_texts (hash, locale, text, created_at) VALUES (:hash, :locale, :text, :now)
            ON CONFLICT (hash) DO NOTHING""")
    void rememberConsent(String hash, String locale, String text, long now);

    @SqlQuery("SELECT " + COLUMNS + " FROM signatures WHERE id = :id")
    Optional<Signature> byId(long id);

    /** The signature's state as the one rule defines it (see {@link org.undersigned.petition.SignatureState}). */
    @SqlQuery("SELECT state FROM signatures WHERE id = :id")
    Optional<String> state(long id);

    /**
     * Where the signature comes among its petition's listed ones, in the order they were confirmed
     * (1 for the first); 0 when it is not listed. Confirming is when a signature counts, so its number is known from then.
     */
    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM signatures s
                    WHERE s.petition_id = me.petition_id AND s.state = 'listed' AND s.confirmed_at < me.confirmed_at)
                 + (SELECT COUNT(*) FROM signatures s
                    WHERE s.petition_id = me.petition_id AND s.state = 'listed' AND s.confirmed_at = me.confirmed_at AND s.id <= me.id)
            FROM signatures me
            WHERE me.id = :id AND me.state = 'listed'""")
    Optional<Long> number(long id);

    /**
     * Keeps what the public record needs (the organisation's name, when, that it withdrew) and
     * forgets the person: contact name, names, comment and email. email_key NULL frees the
     * address to sign again.
     */
    @SqlUpdate("""
            UPDATE signatures
            SET status = 'withdrawn', withdrawn_at = :now, email = '', email_key = NULL,
                contact_name = NULL, first_name = NULL, last_name = NULL, comment = NULL, updates = FALSE
            WHERE id = :id AND status <> 'withdrawn'""")
    int withdraw(long id, long now);

    @SqlUpdate("DELETE FROM signature_tokens WHERE signature_id = :id AND purpose = 'confirm'")
    void dropConfirmTokens(long id);

    @SqlUpdate("UPDATE signatures SET updates = FALSE, unsubscribed_at = :now WHERE id = :id AND updates")
    int unsubscribe(long id, long now);

    /** Pending signatures old enough for their one reminder, on petitions still open. */
    @SqlQuery("""
            SELECT s.id FROM signatures s JOIN petitions p ON p.id = s.petition_id
            WHERE s.status = 'pending' AND s.reminded_at IS NULL AND p.status = 'open'
              AND s.created_at <= :remindBefore AND s.created_at > :purgeBefore
            ORDER BY s.created_at
            LIMIT :limit""")
    java.util.List<Long> dueForReminder(long remindBefore, long purgeBefore, int limit);

    @SqlUpdate("UPDATE signatures SET reminded_at = :now WHERE id = :id AND status = 'pending' AND reminded_at IS NULL")
    int markReminded(long id, long now);

    /** Campaigns closed long enough ago whose supporters have not all been anonymised since that closing. */
    @SqlQuery("""
            SELECT id, closed_at FROM petitions
            WHERE kind = 'campaign' AND status = 'closed' AND closed_at <= :closedBefore
              AND supporters_anonymised_for IS DISTINCT FROM closed_at
            ORDER BY closed_at""")
    @RegisterConstructorMapper(Closing.class)
    List<Closing> closingsToAnonymise(long closedBefore);

    /**
     * The next supporters of a campaign to forget, after the given one in (created_at, id) order
     * (the signatures_by_time index), so that each round walks the campaign once: names, email,
     * comment go; status, country and times stay, so every count stays as it was.
     */
    @SqlQuery("""
            UPDATE signatures SET first_name = NULL, last_name = NULL, email = '', email_key = NULL, comment = NULL,
                                  updates = FALSE, anonymised_at = :now
            WHERE id IN (SELECT id FROM signatures
                         WHERE petition_id = :petitionId AND (created_at, id) > (:afterCreated, :afterId) AND anonymised_at IS NULL
                         ORDER BY created_at, id
                         LIMIT :limit)
            RETURNING created_at, id""")
    @RegisterConstructorMapper(Walked.class)
    List<Walked> anonymiseSupporters(long petitionId, long afterCreated, long afterId, int limit, long now);

    @SqlUpdate("DELETE FROM signature_tokens WHERE signature_id IN (<ids>)")
    void dropTokens(@BindList("ids") List<Long> ids);

    /** Answers to a petition's own questions may say anything about the person: they go with the names. */
    @SqlUpdate("DELETE FROM signature_answers WHERE signature_id IN (<ids>)")
    void dropAnswers(@BindList("ids") List<Long> ids);

    /** Only while the campaign is still closed at that same time (not reopened meanwhile). */
    @SqlUpdate("UPDATE petitions SET supporters_anonymised_for = :closedAt WHERE id = :petitionId AND closed_at = :closedAt AND status = 'closed'")
    void markAnonymised(long petitionId, long closedAt);

    /** Unconfirmed signatures past their time are deleted outright (tokens go with them), oldest first, a limited number at a time. */
    @SqlUpdate("""
            DELETE FROM signatures WHERE id IN (
                SELECT id FROM signatures WHERE status = 'pending' AND created_at <= :purgeBefore ORDER BY created_at LIMIT :limit)""")
    int purgePending(long purgeBefore, int limit);
}
