package org.undersigned.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.Config;
import org.undersigned.db.Writer;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.Translation;

/**
 * The statements every sign-on (a first one or a repeat) and every confirmation runs, in plain
 * JDBC on the writer's kept statements (the rest of the signature code uses {@link SignatureDao}).
 * They run on the single writer thread, so their cost bounds how many sign-ons a second the
 * platform takes: through JDBI's SQL objects each of them costs several times what SQLite itself
 * spends on it.
 */
final class SignatureWrites {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;
    /** The verdict of {@link #JUDGE} on a sign-on that is not stored at all: its client, or the petition's held sign-ons, at the ceiling. */
    static final String DROPPED = "drop";
    /** The petition's held sign-ons of the hour, counted no further than the bound (the partial index signatures_held). */
    private static final String HELD = """
            (SELECT COUNT(*) FROM (SELECT 1 AS one FROM signatures WHERE petition_id = ? AND suspect IS NOT NULL AND created_at > ?
                                   LIMIT ?) AS held)""";
    /**
     * Why a sign-on is kept aside as suspect, or NULL, or {@link #DROPPED}: its client has made the
     * ceiling's worth of sign-ons on this petition in the hour (stored ones and repeats); else the
     * honeypot was filled, or its address is at a throwaway domain where that holds it
     * ({@link DisposableDomains#holds}; it waits for a coordinator, never released by itself), or
     * the client is over either rate limit, and then it is dropped too when the petition already
     * holds its bound of held sign-ons of the hour. The client's sign-ons are counted no further
     * than the ceiling, and the petition's held ones no further than the bound, on the partial
     * index signatures_held, read only for a sign-on that would be held. The client's newest are
     * read in the order of signatures_client (and of sign_on_repeats_client): the order makes that
     * index the plan PostgreSQL takes even before it has statistics of a new petition's rows
     * (without it, it walked every signature of the petition). A client whose address is unknown
     * (null) has no earlier rows. Parameters: see {@link Judged#parameters}. The client's counts
     * are one scalar subquery, read once, that says how far over the limits it is (2: the ceiling,
     * 1: a rate limit, 0: neither): with the tables in the FROM clause of the select the INSERT reads
     * its verdict from, or counted again for each comparison, SQLite ran the INSERT several times
     * slower (see docs/performance.md, Lessons). LIMIT 1 keeps PostgreSQL from pulling the verdict
     * up into the four places the INSERT reads it.
     */
    private static final String JUDGE = """
            SELECT CASE (SELECT CASE WHEN recent.n >= ? THEN 2 WHEN recent.n >= ? OR recent.m >= ? THEN 1 ELSE 0 END
                     FROM (SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END), 0) AS m
                           FROM (SELECT created_at FROM signatures WHERE petition_id = ? AND client_hash = ? AND created_at > ?
                                 UNION ALL
                                 SELECT created_at FROM sign_on_repeats WHERE petition_id = ? AND client_hash = ? AND created_at > ?
                                 ORDER BY created_at DESC LIMIT ?) AS recent_rows) AS recent)
                WHEN 2 THEN 'drop'
                WHEN 0 THEN CASE WHEN NOT ? AND NOT ? THEN NULL
                                 WHEN""" + " " + HELD + """
                                  >= ? THEN 'drop'
                                 WHEN ? THEN 'honeypot'
                                 ELSE 'disposable' END
                ELSE CASE WHEN""" + " " + HELD + """
                           >= ? THEN 'drop'
                          WHEN ? THEN 'honeypot'
                          WHEN ? THEN 'disposable'
                          ELSE 'rate' END
            END AS suspect
            LIMIT 1""";
    /**
     * The signature, judged as it is stored (one statement, one round trip); nothing at all when
     * the verdict is {@link #DROPPED}. A sign-on not kept aside counts its confirmation mail at once.
     */
    private static final String INSERT = """
            INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type, website,
                                    contact_name, first_name, last_name, comment, country, locale, consent_hash, updates, created_at,
                                    client_hash, suspect, text_lang, mails_sent, referral, listing)
            SELECT ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, judged.suspect, ?,
                   CASE WHEN judged.suspect IS NULL THEN 1 ELSE 0 END, ?, ?
            FROM (""" + JUDGE + """
            ) AS judged
            WHERE judged.suspect IS NULL OR judged.suspect <> 'drop'
            ON CONFLICT (petition_id, email_key) DO NOTHING
            RETURNING id, suspect""";
    /** A repeat sign-on's trace: it stores no signature, yet counts against its client's limits. */
    private static final String REPEAT = "INSERT INTO sign_on_repeats (petition_id, client_hash, created_at) VALUES (?, ?, ?)";
    /** One more sign-on of this petition not stored, in its minute's count. */
    private static final String DROP = """
            INSERT INTO dropped_sign_ons (petition_id, minute, count) VALUES (?, ?, 1)
            ON CONFLICT (petition_id, minute) DO UPDATE SET count = dropped_sign_ons.count + 1""";
    /**
     * The newest sign-on of an address whose earlier one is still unconfirmed takes its place: the
     * owner of the address, signing again, is not bound by what someone else typed in their name.
     * The address as first typed (the same mailbox), and when and from where it first signed, stay
     * (the check-your-email page's correction
     * moves only a sign-on made just before its page, so a later sign-on cannot make it movable).
     */
    private static final String TAKE_OVER = """
            UPDATE signatures SET petition_version = ?, organisation = ?, org_type = ?, website = ?, contact_name = ?,
                   first_name = ?, last_name = ?, comment = ?, country = ?, locale = ?, consent_hash = ?, updates = ?, text_lang = ?,
                   listing = ?, suspect = NULL
            WHERE id = ? AND status = 'pending'""";
    private static final String EARLIER = """
            SELECT id, status = 'pending' AS pending,
                   COALESCE(contact_name, first_name) AS greeting_name, updates
            FROM signatures WHERE petition_id = ? AND email_key = ?""";
    /** Counts a mail only while under the cap, in one statement: concurrent repeats (or instances) cannot both pass it. */
    private static final String COUNT_MAIL = "UPDATE signatures SET mails_sent = mails_sent + 1 WHERE id = ? AND mails_sent < ?";
    /** Where the petition asks for approval, a confirmed sign-on waits in the coordinators' queue. */
    private static final String CONFIRM = """
            UPDATE signatures SET status = 'confirmed', confirmed_at = ?,
                   moderation = CASE WHEN (SELECT needs_approval FROM petitions p WHERE p.id = signatures.petition_id)
                                     THEN 'awaiting' ELSE 'none' END
            WHERE id = ? AND status = 'pending'""";
    private static final String LINK = """
            SELECT t.purpose, t.expires_at,
                   s.id AS s_id, s.petition_id, s.status AS s_status, s.email, s.organisation, s.org_type, s.website, s.contact_name,
                   s.first_name, s.last_name, s.comment, s.country, s.locale, s.updates, s.mails_sent, s.created_at AS s_created_at,
                   s.confirmed_at, s.withdrawn_at, s.text_lang,
                   p.kind, p.slug, p.title, p.summary, p.body, p.status AS p_status, p.goal, p.created_at AS p_created_at,
                   p.updated_at AS p_updated_at, p.closed_at, p.image_url, p.needs_approval, p.opens_at, p.closes_at, p.consent_text,
                   p.version, p.digest, p.lang, p.reply_to, p.initiated_by, p.addressed_to,
                   tr.lang AS tr_lang, tr.title AS tr_title, tr.summary AS tr_summary, tr.body AS tr_body,
                   tr.consent_text AS tr_consent_text, tr.updated_at AS tr_updated_at, tr.initiated_by AS tr_initiated_by,
                   tr.addressed_to AS tr_addressed_to
            FROM signature_tokens t JOIN signatures s ON s.id = t.signature_id JOIN petitions p ON p.id = s.petition_id
                 LEFT JOIN petition_translations tr ON tr.petition_id = p.id AND tr.lang = s.text_lang AND s.text_lang <> p.lang
            WHERE t.token_hash = ?""";
    private static final String TOKEN = """
            INSERT INTO signature_tokens (token_hash, signature_id, purpose, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?)""";

    private final Writer writer;

    SignatureWrites(Writer writer) {
        this.writer = writer;
    }

    /** Who signs, from where, under which limits: what a sign-on is judged by. */
    record Judged(String clientHash, boolean honeypot, boolean disposable, long minuteAgo, int perMinute, long hourAgo, int perHour,
                  int ceiling, int heldPerPetition) {
        /** A sign-on at {@code now} under these limits; {@code disposable}: its address is held for a coordinator. */
        static Judged of(String clientHash, boolean honeypot, boolean disposable, long now, Config.RateLimits limits) {
            return new Judged(clientHash, honeypot, disposable, now - MINUTE, limits.perMinute(), now - HOUR, limits.perHour(),
                    limits.ceiling(), limits.heldPerPetition());
        }

        /** The parameters of {@link #JUDGE}, in order. */
        Object[] parameters(long petitionId) {
            // a client of unknown address has a null hash: Arrays.asList, not List.of, takes it
            Object[] held = {petitionId, hourAgo, heldPerPetition, heldPerPetition};
            List<Object> all = new ArrayList<>(24);
            all.addAll(Arrays.asList(ceiling, perHour, perMinute, minuteAgo, petitionId, clientHash, hourAgo, petitionId, clientHash, hourAgo,
                    ceiling, honeypot, disposable));
            all.addAll(Arrays.asList(held));
            all.add(honeypot);
            all.addAll(Arrays.asList(held));
            all.addAll(Arrays.asList(honeypot, disposable));
            return all.toArray();
        }
    }

    /** A new signature: its id, and why it was kept aside (null: it was not, and its mail is counted). */
    record Inserted(long id, String suspect) {}

    /** The new signature, or empty when this address has already signed this petition (the unique index decides); referral: see {@link Referral}. */
    Optional<Inserted> insert(long petitionId, int petitionVersion, NewSignature s, String emailKey, String locale, String consentHash,
                              long now, String textLang, String referral, Judged judged) {
        Object[] row = {petitionId, petitionVersion, s.email(), emailKey, s.organisation(), s.orgType(), s.website(), s.contactName(),
                s.firstName(), s.lastName(), s.comment(), s.country(), locale, consentHash, s.updates(), now, judged.clientHash(), textLang,
                referral, s.listing().code()};
        Object[] judging = judged.parameters(petitionId);
        Object[] parameters = java.util.Arrays.copyOf(row, row.length + judging.length);
        System.arraycopy(judging, 0, parameters, row.length, judging.length);
        try (ResultSet inserted = writer.statement(INSERT, parameters).executeQuery()) {
            return inserted.next() ? Optional.of(new Inserted(inserted.getLong("id"), inserted.getString("suspect"))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the signature", e);
        }
    }

    /** A repeat sign-on, counted against its client's limits as a new one is (a client of unknown address has none). */
    void traceRepeat(long petitionId, String clientHash, long now) {
        if (clientHash == null) return;
        try {
            writer.statement(REPEAT, petitionId, clientHash, now).executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the repeat sign-on", e);
        }
    }

    /** A sign-on of this petition not stored, counted for the coordinators' alert. */
    void countDropped(long petitionId, long now) {
        try {
            writer.statement(DROP, petitionId, now / MINUTE).executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the dropped sign-on", e);
        }
    }

    /** Why a repeat sign-on would be kept aside or dropped, or null: the same rule as for a new one. */
    String judge(long petitionId, Judged judged) {
        try (ResultSet row = writer.statement(JUDGE, judged.parameters(petitionId)).executeQuery()) {
            row.next();
            return row.getString("suspect");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot judge the sign-on", e);
        }
    }

    /** The newest sign-on's data in place of an unconfirmed one's; false when it was confirmed or withdrawn meanwhile. */
    boolean takeOver(long id, int petitionVersion, NewSignature s, String locale, String consentHash, String textLang) {
        try {
            return writer.statement(TAKE_OVER, petitionVersion, s.organisation(), s.orgType(), s.website(), s.contactName(),
                    s.firstName(), s.lastName(), s.comment(), s.country(), locale, consentHash, s.updates(), textLang,
                    s.listing().code(), id)
                    .executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the earlier sign-on over", e);
        }
    }

    /** What a repeat sign-on needs to know of the signature this address already made. */
    record Earlier(long id, boolean pending, String greetingName, boolean updates) {}

    /**
     * The signature this address already made on this petition (a repeat sign-on found it through
     * the unique index); empty when it went meanwhile (discarded, on another PostgreSQL connection).
     */
    Optional<Earlier> earlier(long petitionId, String emailKey) {
        try (ResultSet row = writer.statement(EARLIER, petitionId, emailKey).executeQuery()) {
            if (!row.next()) return Optional.empty();
            return Optional.of(new Earlier(row.getLong("id"), row.getBoolean("pending"),
                    row.getString("greeting_name"), row.getBoolean("updates")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the earlier signature", e);
        }
    }

    /** Counts one more mail to this signer; false (and nothing counted) once {@code cap} were sent. */
    boolean countMail(long signatureId, int cap) {
        try {
            return writer.statement(COUNT_MAIL, signatureId, cap).executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the mail", e);
        }
    }

    /**
     * A link's token as stored: its purpose, when it expires (null: never), its signature, and the
     * petition signed, in the language its signer read (see {@link org.undersigned.petition.Petitions#in}).
     */
    record Link(String purpose, Long expiresAt, Signature signature, Petition petition) {}

    /**
     * The link whose token is stored under this key ({@link LinkTokens#key}), with its signature
     * and petition (in its signer's language), in one statement, rather than further lookups
     * through JDBI's SQL objects on the single writer.
     */
    Optional<Link> link(String tokenKey) {
        try (ResultSet row = writer.statement(LINK, tokenKey).executeQuery()) {
            return row.next() ? Optional.of(link(row)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look the link up", e);
        }
    }

    /** The same lookup on a read connection, for the pages behind the links, which change nothing. */
    static Optional<Link> link(Handle reads, String tokenKey) {
        return reads.createQuery(LINK).bind(0, tokenKey).map((row, ctx) -> link(row)).findOne();
    }

    private static Link link(ResultSet row) throws SQLException {
        Signature signature = new Signature(row.getLong("s_id"), row.getLong("petition_id"),
                Signature.Status.valueOf(row.getString("s_status").toUpperCase(java.util.Locale.ROOT)), row.getString("email"),
                row.getString("organisation"), row.getString("org_type"), row.getString("website"), row.getString("contact_name"),
                row.getString("first_name"), row.getString("last_name"), row.getString("comment"), row.getString("country"),
                row.getString("locale"), row.getBoolean("updates"), row.getInt("mails_sent"), row.getLong("s_created_at"),
                nullableLong(row, "confirmed_at"), nullableLong(row, "withdrawn_at"), row.getString("text_lang"));
        Petition petition = new Petition(row.getLong("petition_id"), Kind.of(row.getString("kind")).orElseThrow(), row.getString("slug"),
                row.getString("title"), row.getString("summary"), row.getString("body"), PetitionStatus.of(row.getString("p_status")).orElseThrow(),
                nullableInt(row, "goal"), row.getLong("p_created_at"), row.getLong("p_updated_at"), nullableLong(row, "closed_at"),
                row.getString("image_url"), row.getBoolean("needs_approval"), nullableLong(row, "opens_at"), nullableLong(row, "closes_at"),
                row.getString("consent_text"), row.getInt("version"), row.getBoolean("digest"), row.getString("lang"),
                row.getString("reply_to"), row.getString("initiated_by"), row.getString("addressed_to"));
        String translated = row.getString("tr_lang");
        if (translated != null) {
            petition = petition.in(new Translation(petition.id(), translated, row.getString("tr_title"), row.getString("tr_summary"),
                    row.getString("tr_body"), row.getString("tr_consent_text"), row.getLong("tr_updated_at"),
                    row.getString("tr_initiated_by"), row.getString("tr_addressed_to")));
        }
        return new Link(row.getString("purpose"), nullableLong(row, "expires_at"), signature, petition);
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** Whether the signature was pending and is now confirmed (false: confirmed, withdrawn or gone meanwhile). */
    boolean confirm(long signatureId, long now) {
        try {
            return writer.statement(CONFIRM, now, signatureId).executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot confirm the signature", e);
        }
    }

    void addToken(String key, long signatureId, String purpose, long now, Long expiresAt) {
        writer.batch(TOKEN, key, signatureId, purpose, now, expiresAt);
    }
}
