package org.undersigned.signature;

import org.undersigned.metrics.Metrics;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.undersigned.db.Database;
import org.undersigned.petition.SignatureState;
import org.undersigned.webhook.WebhookEvent;
import org.undersigned.webhook.Webhooks;

/**
 * What the links in mails do: confirm a pending signature (once; again is harmless),
 * withdraw one, stop updates. Each change and the mail it causes are one transaction.
 */
public final class SignatureLinks {
    private final Database database;
    private final SignatureWrites writes;
    private final SignerMail mails;
    private final Clock clock;
    private final Metrics metrics;
    private final Webhooks webhooks;

    SignatureLinks(Database database, SignatureWrites writes, SignerMail mails, Clock clock, Metrics metrics, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.writes = writes;
        this.metrics = metrics;
        this.database = database;
        this.mails = mails;
        this.clock = clock;
    }

    /** Looks only: a GET must never change anything, since mail scanners open links. */
    public LinkState inspect(String token, String purpose) {
        if (!wellFormed(token)) return LinkState.unknown();
        return state(database.reads().withHandle(h -> SignatureWrites.link(h, LinkTokens.key(token))), purpose);
    }

    /**
     * Looks the link up and changes the status on the writer's plain statements: through JDBI's
     * SQL objects (the token, the signature, the update, the signature again) a confirmation would
     * take the single writer several times as long as a sign-on. The future completes, on the writer's
     * thread, once the confirmation is committed.
     */
    public CompletableFuture<LinkState> confirm(String token) {
        return database.writer().submit(h -> {
            LinkState state = onWriter(token, "confirm");
            if (state.kind() != LinkState.Kind.PENDING) return state;
            Signature signature = state.signature();
            long now = clock.millis();
            // another click (on another instance, perhaps) confirmed it a moment ago: say what it did
            if (!writes.confirm(signature.id(), now)) return onWriter(token, "confirm");
            database.writer().afterCommit(() -> metrics.confirmed(state.petition().kind().code()));
            webhooks.signature(WebhookEvent.SIGNATURE_CONFIRMED, signature.petitionId(), signature.id());
            mails.manageLink(h, state.petition(), signature, signature.email(), Locale.forLanguageTag(signature.locale()), "thanks");
            return LinkState.of(signature.confirmedAt(now), state.petition(), false);
        });
    }

    /** What a withdrawal found: the link's state afterwards, and whether this request is the one that withdrew. */
    public record Withdrawal(LinkState state, boolean now) {}

    /**
     * Withdraws the signature and, in the same transaction, mails its signer a receipt (written
     * before the address is forgotten). Withdrawing again changes nothing and sends nothing.
     */
    public Withdrawal withdraw(String manageToken) {
        return database.writer().write(h -> {
            LinkState state = onWriter(manageToken, "manage");
            if (state.signature() == null || state.kind() == LinkState.Kind.WITHDRAWN) return new Withdrawal(state, false);
            SignatureDao dao = h.attach(SignatureDao.class);
            Signature signature = state.signature();
            if (dao.withdraw(signature.id(), clock.millis()) == 0) {
                return new Withdrawal(LinkState.of(dao.byId(signature.id()).orElseThrow(), state.petition(), false), false);
            }
            dao.dropConfirmTokens(signature.id());
            webhooks.signature(WebhookEvent.SIGNATURE_WITHDRAWN, signature.petitionId(), signature.id());
            dao.dropAnswers(java.util.List.of(signature.id()));
            mails.withdrawn(h, state.petition(), signature);
            return new Withdrawal(LinkState.of(dao.byId(signature.id()).orElseThrow(), state.petition(), false), true);
        });
    }

    /**
     * Where the signature stands as its signer is told (the signatures.state column): a sign-on
     * kept aside as suspect reads as awaiting confirmation, so that neither its signer nor a bot
     * learns that it was kept aside.
     */
    public SignatureState standing(Signature signature) {
        SignatureState state = database.reads().withExtension(SignatureDao.class, dao -> dao.state(signature.id()))
                .flatMap(SignatureState::of).orElse(SignatureState.WITHDRAWN);
        return state == SignatureState.SUSPECT ? SignatureState.PENDING : state;
    }

    /** Its place among the petition's listed signatures ("the 1,204th"), or 0 when it is not listed. */
    public long number(Signature signature) {
        return database.reads().withExtension(SignatureDao.class, dao -> dao.number(signature.id())).orElse(0L);
    }

    /** One click, no cookie, no form token (RFC 8058): a mail client may send it. Repeating it is harmless. */
    public LinkState unsubscribe(String token) {
        return database.writer().write(h -> {
            LinkState state = onWriter(token, "unsubscribe");
            if (state.signature() == null) return state;
            SignatureDao dao = h.attach(SignatureDao.class);
            dao.unsubscribe(state.signature().id(), clock.millis());
            return LinkState.of(dao.byId(state.signature().id()).orElseThrow(), state.petition(), false);
        });
    }

    /** Inside a write: the link looked up on the writer's kept statement. */
    private LinkState onWriter(String token, String purpose) {
        return wellFormed(token) ? state(writes.link(LinkTokens.key(token)), purpose) : LinkState.unknown();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() <= 100;
    }

    /** What the link does for this purpose (nothing, unknown, for another purpose), with the petition as it stands now. */
    private LinkState state(Optional<SignatureWrites.Link> link, String purpose) {
        long now = clock.millis();
        return link.filter(l -> l.purpose().equals(purpose))
                .map(l -> LinkState.of(l.signature(), l.petition().at(now), l.expiresAt() != null && l.expiresAt() < now))
                .orElse(LinkState.unknown());
    }
}
