package org.undersigned.signature;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.undersigned.Config;
import org.undersigned.db.Database;
import org.undersigned.metrics.Metrics;
import org.undersigned.petition.Petition;
import org.undersigned.text.Messages;
import org.undersigned.tokens.Tokens;

/**
 * Stores a checked signature and its confirmation mail in one transaction. A second sign-on from
 * the same address, while the first is unconfirmed, takes its place (the newest data wins, and a
 * sign-on held as suspect is no longer held) and gets the confirmation link again; once confirmed,
 * it gets word that it has already signed; up to {@link #MAX_MAILS} mails per signature, and the
 * person at the form sees exactly what a first signer sees. Over the rate limit, or with the
 * honeypot filled, or from a throwaway address on a statement ({@link DisposableDomains#holds}), a sign-on is stored as suspect (a repeat changes nothing) and nobody is mailed:
 * the same page, no effect, until a coordinator releases it or its source goes quiet
 * ({@link SuspectReview#releaseQuiet}). A repeat counts against its client's limits as a new
 * sign-on does. Beyond its client's ceiling, or when the petition holds its bound of held sign-ons
 * of the hour, a sign-on that would be held is not stored at all, only counted: still the same page.
 *
 * <p>A new sign-on that is stored costs one statement (the judged INSERT) and its mail's rows; a
 * repeat or a dropped one, which are rarer, a few more.
 */
public final class SignOn {
    static final int MAX_MAILS = 5;
    private final Database database;
    private final SignatureWrites writes;
    private final SignerMail mails;
    private final Messages messages;
    private final EmailAddress emails;
    private final Clock clock;
    private final Config.RateLimits limits;
    private final Metrics metrics;
    private final DisposableDomains domains;
    /** Consent wordings already stored (they never change once stored), so most sign-ons skip that insert. */
    private final Set<String> knownConsents = ConcurrentHashMap.newKeySet();

    SignOn(Database database, SignatureWrites writes, SignerMail mails, Messages messages, EmailAddress emails, Clock clock,
           Config.RateLimits limits, Metrics metrics, DisposableDomains domains) {
        this.writes = writes;
        this.domains = domains;
        this.metrics = metrics;
        this.limits = limits;
        this.database = database;
        this.mails = mails;
        this.messages = messages;
        this.emails = emails;
        this.clock = clock;
    }

    /**
     * The petition comes in the language the signer read. Where they chose that version over their
     * interface language ({@code multilingual}, see {@code Localization.versionChosen}), the mails follow
     * it (if the interface speaks its language); otherwise the pages' language.
     * The checks and the mail are prepared on the caller's thread; the future completes, on the
     * writer's thread, once the sign-on is committed.
     */
    public CompletableFuture<Void> sign(Petition petition, boolean multilingual, NewSignature signature, Locale locale, Origin origin) {
        return sign(petition, multilingual, signature, Answers.Given.NONE, locale, origin, null);
    }

    /**
     * As above, with the answers to the petition's questions, stored in the same transaction, and
     * the organisation's logo for the logo wall (null: none). The logo goes with the signature it
     * was given with: a new one, or a pending one this sign-on takes over (a sign-on without a logo
     * takes the old one away); never a confirmed one, which whoever typed the address may not change.
     */
    CompletableFuture<Void> sign(Petition petition, boolean multilingual, NewSignature signature, Answers.Given answers, Locale locale,
                                 Origin origin, OrganisationLogos.Stored logo) {
        Consent consent = consent(petition, signature, locale);
        String consentHash = consent.hash();
        String emailKey = emails.key(signature.email());
        Locale mailLocale = multilingual && messages.speaks(petition.lang()) ? Locale.forLanguageTag(petition.lang()) : locale;
        SignerMail.Prepared confirmation = mails.prepareConfirmation(petition, signature.email(), signature.greetingName(),
                signature.organisation(), mailLocale, "confirm");
        boolean disposable = domains.holds(petition, signature.email());
        return database.writer().submit(h -> {
            long now = clock.millis();
            remember(h, consent, now);
            var judged = SignatureWrites.Judged.of(origin.clientHash(), origin.honeypot(), disposable, now, limits);
            var inserted = writes.insert(petition.id(), petition.version(), signature, emailKey, mailLocale.getLanguage(), consentHash,
                    now, petition.lang(), origin.referral(), judged);
            if (inserted.isPresent()) {
                Answers.store(h, inserted.get().id(), answers); // nothing to do for a petition without questions
                if (logo != null) OrganisationLogos.put(h, inserted.get().id(), logo, now);
                String suspect = inserted.get().suspect();
                database.writer().afterCommit(() -> metrics.signOn(petition.kind().code(), suspect == null ? "new" : "suspect"));
                if (suspect != null) return null; // kept aside: no mail until a coordinator releases it
                mails.enqueue(h, inserted.get().id(), confirmation); // the insert counted this mail
                return null;
            }
            // not stored (the insert found the address, or dropped the sign-on): the same verdict, on the writer's same view
            String verdict = writes.judge(petition.id(), judged);
            if (SignatureWrites.DROPPED.equals(verdict)) {
                writes.countDropped(petition.id(), now);
                database.writer().afterCommit(() -> metrics.signOn(petition.kind().code(), "dropped"));
                return null; // over a ceiling: nothing stored, nobody mailed, the same page
            }
            writes.traceRepeat(petition.id(), origin.clientHash(), now);
            database.writer().afterCommit(() -> metrics.signOn(petition.kind().code(), "repeat"));
            if (verdict != null) return null; // a flood's repeats change nothing and mail nobody
            SignatureWrites.Earlier earlier = writes.earlier(petition.id(), emailKey).orElse(null);
            if (earlier == null) return null; // discarded meanwhile (PostgreSQL): nothing to repeat
            if (earlier.pending()) {
                // the newest data wins while nothing is confirmed: whoever typed this address first does not decide for its owner
                if (writes.takeOver(earlier.id(), petition.version(), signature, mailLocale.getLanguage(), consentHash, petition.lang())) {
                    Answers.replace(h, earlier.id(), answers);
                    if (logo != null) OrganisationLogos.put(h, earlier.id(), logo, now);
                    else OrganisationLogos.remove(h, earlier.id());
                }
            }
            if (writes.countMail(earlier.id(), MAX_MAILS)) {
                // pending: taken over above, so its mail greets and names the newest sign-on
                String name = earlier.pending() ? signature.greetingName() : earlier.greetingName();
                String organisation = earlier.pending() ? signature.organisation() : null;
                mails.again(h, petition, earlier.id(), earlier.pending(), earlier.updates(), name, organisation, signature.email(), mailLocale);
            }
            return null;
        });
    }

    /** The consent wording the signer agreed to, in the language they read it in. */
    private record Consent(String text, String lang, String hash) {}

    private Consent consent(Petition petition, NewSignature signature, Locale locale) {
        // the petition comes in the language the signer read; its own consent wording is in that language
        String text = petition.consentText() != null ? petition.consentText() : messages.get(locale, signature.consentKey());
        String lang = petition.consentText() != null ? petition.lang() : locale.getLanguage();
        return new Consent(text, lang, Tokens.hash(lang + "\n" + text));
    }

    private void remember(Handle h, Consent consent, long now) {
        if (knownConsents.contains(consent.hash())) return;
        h.attach(SignatureDao.class).rememberConsent(consent.hash(), consent.lang(), consent.text(), now);
        database.writer().afterCommit(() -> knownConsents.add(consent.hash()));
    }
}
