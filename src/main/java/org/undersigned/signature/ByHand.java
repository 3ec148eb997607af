package org.undersigned.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Writer;
import org.undersigned.petition.Petition;
import org.undersigned.text.Messages;
import org.undersigned.tokens.Tokens;
import org.undersigned.webhook.WebhookEvent;
import org.undersigned.webhook.Webhooks;

/**
 * A signature a coordinator types in for someone who signed by email or on paper, or that their
 * tool hands in through the API. It is listed at once, or, when asked for, stored as the sign-on
 * form stores one (pending) and its contact gets the usual confirmation mail, so that they can
 * check it and withdraw. Without an address (an organisation that signed on paper may have given
 * none) its email is '' and its email_key NULL, as a withdrawn signature's: the one-per-address
 * index leaves such rows alone.
 */
public final class ByHand {
    /** How it came in (signatures.source; the sign-on form's own is 'form'). */
    public enum Source {
        /** typed in on the petition's admin page */
        COORDINATOR,
        /** handed in by a tool holding one of the coordinator's API tokens */
        API,
        /** read from a CSV file a coordinator imported (the note names the file) */
        IMPORT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Positional, as the writer's own prepared statements take it ({@link #addAll}); JDBI binds the same text by position. */
    private static final String INSERT = """
            INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type, website,
                                    contact_name, first_name, last_name, comment, country, locale, consent_hash, updates, created_at,
                                    confirmed_at, text_lang, mails_sent, source, source_note, listing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (petition_id, email_key) DO NOTHING
            RETURNING id""";
    private final SignerMail mails;
    private final EmailAddress emails;
    private final Messages messages;
    private final Clock clock;
    private final Webhooks webhooks;

    ByHand(SignerMail mails, EmailAddress emails, Messages messages, Clock clock, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.mails = mails;
        this.emails = emails;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Inside the caller's write: stores the signature (checked by {@link SignatureForm#byCoordinator};
     * {@code confirm} needs its email) with the coordinator's note, its contact's mails in
     * {@code locale}. Empty when this address has already signed the petition: nothing is stored.
     */
    public Optional<Long> add(Handle h, Petition petition, NewSignature s, Source source, String note, boolean confirm, Locale locale) {
        if (confirm && s.email() == null) throw new IllegalArgumentException("a confirmation needs an address");
        long now = clock.millis();
        String consentHash = rememberConsent(h, s.consentKey(), locale, now);
        var query = h.createQuery(INSERT);
        Object[] values = values(petition, s, source, note, confirm, locale, consentHash, now);
        for (int i = 0; i < values.length; i++) query.bind(i, values[i]);
        Optional<Long> id = query.mapTo(Long.class).findOne();
        if (id.isPresent() && confirm) {
            mails.confirmation(h, petition, id.get(), s.email(), s.greetingName(), s.organisation(), locale, "confirm");
        }
        // vouched for by the coordinator, it is confirmed as it is stored
        if (id.isPresent() && !confirm) webhooks.signature(WebhookEvent.SIGNATURE_CONFIRMED, petition.id(), id.get());
        return id;
    }

    /**
     * {@link #add} for many signatures in one write (an import), through the writer's own prepared
     * statement rather than JDBI's per-statement work, which took most of the writer's time per row.
     * {@code confirmWithAddress}: those with an address are mailed a confirmation (and pending until
     * then); those without are listed. Returns how many were stored: a signature whose address has
     * signed the petition already is not.
     */
    public int addAll(Handle h, Writer writer, Petition petition, List<NewSignature> signatures, Source source, String note,
                      boolean confirmWithAddress, Locale locale) {
        long now = clock.millis();
        Map<String, String> consentHashes = new HashMap<>();
        int stored = 0;
        for (NewSignature s : signatures) {
            boolean confirm = confirmWithAddress && s.email() != null;
            String consentHash = consentHashes.computeIfAbsent(s.consentKey(), key -> rememberConsent(h, key, locale, now));
            try (ResultSet inserted = writer.statement(INSERT, values(petition, s, source, note, confirm, locale, consentHash, now))
                    .executeQuery()) {
                if (!inserted.next()) continue;
                stored++;
                if (confirm) mails.confirmation(h, petition, inserted.getLong(1), s.email(), s.greetingName(), s.organisation(), locale, "confirm");
                else webhooks.signature(WebhookEvent.SIGNATURE_CONFIRMED, petition.id(), inserted.getLong(1));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store an imported signature", e);
            }
        }
        return stored;
    }

    private String rememberConsent(Handle h, String consentKey, Locale locale, long now) {
        String consentText = messages.get(locale, consentKey);
        String consentHash = Tokens.hash(locale.getLanguage() + "\n" + consentText);
        h.attach(SignatureDao.class).rememberConsent(consentHash, locale.getLanguage(), consentText, now);
        return consentHash;
    }

    /** The INSERT's parameters, in its order. */
    private Object[] values(Petition petition, NewSignature s, Source source, String note, boolean confirm, Locale locale, String consentHash,
                            long now) {
        return new Object[] {petition.id(), petition.version(), confirm ? "pending" : "confirmed", s.email() == null ? "" : s.email(),
                s.email() == null ? null : emails.key(s.email()), s.organisation(), s.orgType(), s.website(), s.contactName(), s.firstName(),
                s.lastName(), s.comment(), s.country(), locale.getLanguage(), consentHash, s.updates(), now, confirm ? null : (Long) now,
                petition.lang(), confirm ? 1 : 0, source.code(), note, s.listing().code()};
    }
}
