package org.undersigned.signature;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.petition.Petition;
import org.undersigned.text.Messages;
import org.undersigned.tokens.Tokens;

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
        API;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String INSERT = """
            INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type, website,
                                    contact_name, first_name, last_name, comment, country, locale, consent_hash, updates, created_at,
                                    confirmed_at, text_lang, mails_sent, source, source_note, listing)
            VALUES (:petitionId, :version, :status, :email, :emailKey, :organisation, :orgType, :website, :contactName, :firstName,
                    :lastName, :comment, :country, :locale, :consentHash, :updates, :now, :confirmedAt, :textLang, :mailsSent,
                    :source, :note, :listing)
            ON CONFLICT (petition_id, email_key) DO NOTHING
            RETURNING id""";
    private final SignerMail mails;
    private final EmailAddress emails;
    private final Messages messages;
    private final Clock clock;

    ByHand(SignerMail mails, EmailAddress emails, Messages messages, Clock clock) {
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
        String consentText = messages.get(locale, s.consentKey());
        String consentHash = Tokens.hash(locale.getLanguage() + "\n" + consentText);
        h.attach(SignatureDao.class).rememberConsent(consentHash, locale.getLanguage(), consentText, now);
        Optional<Long> id = h.createQuery(INSERT)
                .bind("petitionId", petition.id()).bind("version", petition.version())
                .bind("status", confirm ? "pending" : "confirmed")
                .bind("email", s.email() == null ? "" : s.email()).bind("emailKey", s.email() == null ? null : emails.key(s.email()))
                .bind("organisation", s.organisation()).bind("orgType", s.orgType()).bind("website", s.website())
                .bind("contactName", s.contactName()).bind("firstName", s.firstName()).bind("lastName", s.lastName())
                .bind("comment", s.comment()).bind("country", s.country()).bind("locale", locale.getLanguage())
                .bind("consentHash", consentHash).bind("updates", s.updates()).bind("now", now).bind("confirmedAt", confirm ? null : (Long) now)
                .bind("textLang", petition.lang()).bind("mailsSent", confirm ? 1 : 0).bind("source", source.code()).bind("note", note)
                .bind("listing", s.listing().code())
                .mapTo(Long.class).findOne();
        if (id.isPresent() && confirm) {
            mails.confirmation(h, petition, id.get(), s.email(), s.greetingName(), s.organisation(), locale, "confirm");
        }
        return id;
    }
}
