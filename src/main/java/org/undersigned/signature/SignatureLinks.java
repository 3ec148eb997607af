package org.undersigned.signature;

import org.undersigned.metrics.Metrics;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionDao;
import org.undersigned.petition.Petitions;

/**
 * What the links in mails do: confirm a pending signature (once; again is harmless),
 * withdraw one, stop updates. Each change and the mail it causes are one transaction.
 */
public final class SignatureLinks {
    private final Database database;
    private final SignerMail mails;
    private final Clock clock;
    private final Metrics metrics;

    SignatureLinks(Database database, SignerMail mails, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.database = database;
        this.mails = mails;
        this.clock = clock;
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
            Petition petition = Petitions.in(h, h.attach(PetitionDao.class).byId(signature.petitionId()).orElseThrow(), signature.textLang());
            database.writer().afterCommit(() -> metrics.confirmed(petition.kind()));
            mails.manageLink(h, petition, signature, signature.email(), Locale.forLanguageTag(signature.locale()), "thanks");
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

    /** One click, no cookie, no form token (RFC 8058): a mail client may send it. Repeating it is harmless. */
    public LinkState unsubscribe(String token) {
        return database.writer().write(h -> {
            LinkState state = lookup(h, token, "unsubscribe");
            if (state.signature() == null) return state;
            SignatureDao dao = h.attach(SignatureDao.class);
            dao.unsubscribe(state.signature().id(), clock.millis());
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
