package org.undersigned.signature;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionDao;

/**
 * What the links in mails do: confirm a pending signature (once; again is harmless) and
 * withdraw one. Each change and the mail it causes are one transaction.
 */
public final class SignatureLinks {
    private final Database database;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Tokens tokens;
    private final Clock clock;
    private final String baseUrl;

    public SignatureLinks(Database database, Outbox outbox, MailComposer composer, Tokens tokens, Clock clock, String baseUrl) {
        this.database = database;
        this.outbox = outbox;
        this.composer = composer;
        this.tokens = tokens;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Looks only: a GET must never change anything, since mail scanners open links. */
    public LinkState inspect(String token, String purpose) {
        return database.reads().withHandle(h -> lookup(h, token, purpose));
    }

    public LinkState confirm(String token) {
        return database.writer().write(h -> {
            LinkState state = lookup(h, token, "confirm");
            if (state.kind() != LinkState.Kind.PENDING) return state;
            SignatureDao dao = h.attach(SignatureDao.class);
            Signature signature = state.signature();
            dao.confirm(signature.id(), clock.millis());
            String manage = tokens.next();
            dao.addToken(Tokens.hash(manage), signature.id(), "manage", clock.millis(), null);
            Petition petition = h.attach(PetitionDao.class).byId(signature.petitionId()).orElseThrow();
            outbox.enqueue(h, composer.compose("thanks", Locale.forLanguageTag(signature.locale()), signature.email(), Map.of(
                    "title", petition.title(),
                    "name", signature.greetingName(),
                    "kind", petition.kind(),
                    "petitionUrl", baseUrl + petition.path(),
                    "link", baseUrl + "/manage/" + manage)));
            return LinkState.of(dao.byId(signature.id()).orElseThrow(), false);
        });
    }

    public LinkState withdraw(String manageToken) {
        return database.writer().write(h -> {
            LinkState state = lookup(h, manageToken, "manage");
            if (state.signature() == null || state.kind() == LinkState.Kind.WITHDRAWN) return state;
            SignatureDao dao = h.attach(SignatureDao.class);
            dao.withdraw(state.signature().id(), clock.millis());
            dao.dropConfirmTokens(state.signature().id());
            return LinkState.of(dao.byId(state.signature().id()).orElseThrow(), false);
        });
    }

    private LinkState lookup(Handle h, String token, String purpose) {
        if (token == null || token.length() > 100) return LinkState.unknown();
        SignatureDao dao = h.attach(SignatureDao.class);
        Optional<TokenMatch> match = dao.token(Tokens.hash(token)).filter(m -> m.purpose().equals(purpose));
        if (match.isEmpty()) return LinkState.unknown();
        return dao.byId(match.get().signatureId())
                .map(s -> LinkState.of(s, match.get().expiredAt(clock.millis())))
                .orElse(LinkState.unknown());
    }
}
