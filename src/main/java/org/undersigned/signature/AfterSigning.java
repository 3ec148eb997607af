package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.Config;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;
import org.undersigned.web.FormToken;

/**
 * What the "check your email" page offers the person who just signed: the confirmation mail once
 * more, or the sign-on moved to the address they meant to type.
 *
 * <p>Who may do this: the page carries a handle, an HMAC (the site's secret) of the petition and
 * the address signed with, made when the page is answered and valid for an hour. Only the person
 * at that form ever sees it: nobody can make one for another address, and the owner of a mistyped
 * address, who gets the mail, never sees the page. A correction moves only a pending sign-on made
 * just before its handle (by that very POST), so a handle got by typing someone else's address
 * over their earlier sign-on moves nothing of theirs. The sign-on under the wrong address is
 * deleted with its links in the same transaction as its copy under the right one is made: the
 * link mailed to the wrong address then opens "unknown link" and can publish nothing.
 */
public final class AfterSigning {
    /** How long the page's offers work after it was answered. */
    static final Duration VALIDITY = Duration.ofHours(1);
    /** A sign-on made longer than this before its page's handle was not made by that page's POST. */
    static final Duration MADE_BY_THIS_PAGE = Duration.ofMinutes(10);

    /** What an offer did, as the page tells it. */
    public enum Outcome { SENT, LIMIT, CORRECTED, EXPIRED, NOT_CORRECTABLE }

    private final Database database;
    private final SignatureWrites writes;
    private final SignerMail mails;
    private final FormToken tokens;
    private final EmailAddress emails;
    private final Clock clock;
    private final Config.RateLimits limits;
    private final DisposableDomains domains;

    AfterSigning(Database database, SignatureWrites writes, SignerMail mails, FormToken tokens, EmailAddress emails, Clock clock,
                 Config.RateLimits limits, DisposableDomains domains) {
        this.domains = domains;
        this.database = database;
        this.writes = writes;
        this.mails = mails;
        this.tokens = tokens;
        this.emails = emails;
        this.clock = clock;
        this.limits = limits;
    }

    /** The handle of a sign-on just stored for this address on this petition, for the page's forms. */
    public String handle(Petition petition, String email) {
        return tokens.issue(purpose(petition, email));
    }

    /** Whether the handle is this page's, for this address, and still young enough. */
    boolean holds(Petition petition, String email, String handle) {
        return email != null && emails.isValid(email) && tokens.isValid(purpose(petition, email), handle, VALIDITY);
    }

    /**
     * The confirmation mail once more, as a second sign-on with the address would send it (the
     * confirmation link again, or the signer's own link if already confirmed), under the same caps:
     * the sign-on's mail count and the client's rate limit.
     */
    public Outcome resend(Petition petition, String email, String handle, String clientHash) {
        if (!holds(petition, email, handle)) return Outcome.EXPIRED;
        return database.writer().write(h -> {
            Optional<AfterSigningDao.Made> found = h.attach(AfterSigningDao.class).made(petition.id(), emails.key(email));
            // a sign-on dropped over the ceiling was never stored: its client is told what a held one's is
            if (found.isEmpty()) return overLimit(petition, clientHash) ? Outcome.LIMIT : Outcome.EXPIRED;
            AfterSigningDao.Made made = found.get();
            if (overLimit(petition, clientHash)) return Outcome.LIMIT;
            if (made.suspect()) return Outcome.SENT; // kept aside: nobody is mailed until a coordinator releases it
            if (!writes.countMail(made.id(), SignOn.MAX_MAILS)) return Outcome.LIMIT;
            Petition read = Petitions.in(h, Petitions.byId(h, petition.id()).orElseThrow(), made.textLang());
            Locale locale = Locale.forLanguageTag(made.locale());
            mails.again(h, read, made.id(), made.pending(), made.updates(), made.greetingName(), null, made.email(), locale);
            return Outcome.SENT;
        });
    }

    /**
     * The sign-on made under {@code email} moved to {@code corrected} (already checked): the same
     * fields, consent and version, and the confirmation mail sent there; the row under the
     * mistyped address deleted in the same transaction. Over the client's rate limit, or moved to a
     * throwaway address on a statement, the new row is kept aside as any sign-on would be.
     */
    public Outcome correct(Petition petition, String email, String handle, String corrected, String clientHash) {
        if (!holds(petition, email, handle)) return Outcome.EXPIRED;
        long issued = FormToken.issuedAt(handle);
        return database.writer().write(h -> {
            AfterSigningDao dao = h.attach(AfterSigningDao.class);
            Optional<AfterSigningDao.Made> found = dao.made(petition.id(), emails.key(email));
            // a sign-on dropped over the ceiling was never stored: its correction, like a held one's, seems to go through
            if (found.isEmpty()) return dropped(petition, clientHash) ? Outcome.CORRECTED : Outcome.EXPIRED;
            AfterSigningDao.Made made = found.get();
            if (!made.pending() || made.createdAt() < issued - MADE_BY_THIS_PAGE.toMillis()) return Outcome.NOT_CORRECTABLE;
            long now = clock.millis();
            String verdict = writes.judge(petition.id(),
                    SignatureWrites.Judged.of(clientHash, false, domains.holds(petition, corrected), now, limits));
            // the sign-on it moves was stored: over the ceiling, it is held as over the limit rather than dropped
            String suspect = SignatureWrites.DROPPED.equals(verdict) ? "rate" : verdict;
            Petition read = Petitions.in(h, Petitions.byId(h, petition.id()).orElseThrow(), made.textLang());
            Locale locale = Locale.forLanguageTag(made.locale());
            Optional<Long> remade = dao.remake(made.id(), corrected, emails.key(corrected), now, clientHash, suspect, suspect == null ? 1 : 0);
            remade.ifPresent(id -> OrganisationLogos.move(h, made.id(), id));
            dao.dropTokens(made.id());
            dao.dropPending(made.id());
            if (remade.isPresent()) {
                if (suspect == null) mails.confirmation(h, read, remade.get(), corrected, made.greetingName(), locale, "confirm");
                return Outcome.CORRECTED;
            }
            // the right address had already signed: it is told as a second sign-on would tell it
            AfterSigningDao.Made earlier = dao.made(petition.id(), emails.key(corrected)).orElseThrow();
            if (earlier.suspect() || !writes.countMail(earlier.id(), SignOn.MAX_MAILS)) return Outcome.CORRECTED;
            mails.again(h, read, earlier.id(), earlier.pending(), earlier.updates(), earlier.greetingName(), null, corrected, locale);
            return Outcome.CORRECTED;
        });
    }

    /** Over the client's rate limit on this petition, as a sign-on would be judged. */
    private boolean overLimit(Petition petition, String clientHash) {
        return writes.judge(petition.id(), SignatureWrites.Judged.of(clientHash, false, false, clock.millis(), limits)) != null;
    }

    /** Whether a sign-on from this client on this petition would not be stored at all. */
    private boolean dropped(Petition petition, String clientHash) {
        return SignatureWrites.DROPPED.equals(writes.judge(petition.id(), SignatureWrites.Judged.of(clientHash, false, false, clock.millis(), limits)));
    }

    private String purpose(Petition petition, String email) {
        return "signed|" + petition.id() + "|" + emails.key(email);
    }
}
