package org.undersigned.signature;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements behind the "check your email" page's offers: send the mail again, correct the address. */
@RegisterConstructorMapper(AfterSigningDao.Made.class)
interface AfterSigningDao {
    /** A sign-on as the offers need it: which it is, where it stands, when it was made, whom to greet. */
    record Made(long id, String status, boolean suspect, long createdAt, String email, String greetingName, boolean updates,
                String locale, String textLang) {
        boolean pending() {
            return status.equals("pending");
        }
    }

    @SqlQuery("""
            SELECT id, status, suspect IS NOT NULL AS suspect, created_at, email, COALESCE(contact_name, first_name) AS greeting_name,
                   updates, locale, text_lang
            FROM signatures WHERE petition_id = :petitionId AND email_key = :emailKey""")
    Optional<Made> made(long petitionId, String emailKey);

    /**
     * The same sign-on under the corrected address: every field the signer gave, the consent they
     * gave, the version they read, made now; empty when that address has already signed.
     */
    @SqlQuery("""
            INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type, website,
                                    contact_name, first_name, last_name, comment, country, locale, consent_hash, updates, created_at,
                                    client_hash, suspect, text_lang, mails_sent, listing)
            SELECT petition_id, petition_version, 'pending', :email, :emailKey, organisation, org_type, website,
                   contact_name, first_name, last_name, comment, country, locale, consent_hash, updates, :now,
                   :clientHash, :suspect, text_lang, :mailsSent, listing
            FROM signatures WHERE id = :id AND status = 'pending'
            ON CONFLICT (petition_id, email_key) DO NOTHING
            RETURNING id""")
    Optional<Long> remake(long id, String email, String emailKey, long now, String clientHash, String suspect, int mailsSent);

    /** The sign-on under the mistyped address goes, with its links: nothing it mailed can publish anything. */
    @SqlUpdate("DELETE FROM signature_tokens WHERE signature_id = :id")
    void dropTokens(long id);

    @SqlUpdate("DELETE FROM signatures WHERE id = :id AND status = 'pending'")
    int dropPending(long id);
}
