package org.undersigned.coordinator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.tokens.Tokens;

/**
 * A forgotten password: a link by mail, in the coordinator's language, that works once within an
 * hour. Asking answers the same, in about the same time, whether the address has an account or
 * not: both take one write transaction, and a mail is only queued in the outbox, never sent while
 * the asker waits. Asking is counted by the {@link LoginThrottle}, per address typed and per client.
 */
final class PasswordResets {
    static final Duration VALIDITY = Duration.ofHours(1);
    private final Database database;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Tokens tokens;
    private final Audit audit;
    private final Clock clock;
    private final String baseUrl;

    PasswordResets(Database database, LoginThrottle throttle, Outbox outbox, MailComposer composer, Tokens tokens, Audit audit,
                   Clock clock, String baseUrl) {
        this.database = database;
        this.throttle = throttle;
        this.outbox = outbox;
        this.composer = composer;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** False when this client or address asked too often; otherwise a link went out if the address has an account. */
    boolean request(String email, String clientAddress) {
        // a key of its own: asking for links does not use up the owner's login attempts, nor the reverse
        if (!throttle.reserve("reset:" + Coordinators.key(email), clientAddress)) return false;
        String token = tokens.next();
        long now = clock.millis();
        Optional<Coordinator> coordinator = database.reads().withExtension(CoordinatorDao.class, dao -> dao.byEmail(Coordinators.key(email))
                .filter(c -> dao.passwordHashOf(c.id()).isPresent()));
        String language = coordinator.flatMap(c -> database.reads().withExtension(CoordinatorDao.class, dao -> dao.language(c.id()))).orElse("en");
        // the mail is made for an unknown address too, and thrown away: both answers take the same steps
        var mail = composer.compose("password_reset", Language.localeOf(language), coordinator.map(Coordinator::email).orElse(email), Map.of(
                "name", coordinator.map(Coordinator::displayName).orElse(email),
                "link", baseUrl + "/admin/password/" + token,
                "validMinutes", VALIDITY.toMinutes()));
        database.writer().run(h -> {
            if (coordinator.isEmpty()) return;
            Coordinator c = coordinator.get();
            h.execute("INSERT INTO password_resets (token_hash, coordinator_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    Tokens.hash(token), c.id(), now, now + VALIDITY.toMillis());
            outbox.enqueue(h, mail);
            audit.record(h, c.id(), c.email(), "password_reset_asked", c.email(), "", c.id());
        });
        return true;
    }

    /** Forgets links that were used or have expired: they open nothing any more. */
    int forgetPast() {
        return database.writer().write(h -> h.execute("DELETE FROM password_resets WHERE used_at IS NOT NULL OR expires_at <= ?", clock.millis()));
    }

    /** The coordinator this unused, unexpired link is for. */
    Optional<Coordinator> open(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT coordinator_id FROM password_resets
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", Tokens.hash(token)).bind("now", clock.millis()).mapTo(Long.class).findOne()
                .flatMap(id -> h.attach(CoordinatorDao.class).byId(id)));
    }

    /**
     * Sets the password and uses up the link (and any other link of the account), and ends every
     * session of the account, in one transaction. False if the link was used or expired meanwhile.
     */
    boolean use(String token, String passwordHash) {
        long now = clock.millis();
        return database.writer().write(h -> {
            // taken in one statement: two clicks at once, even on two instances, set one password
            Optional<Long> id = h.createQuery("""
                            UPDATE password_resets SET used_at = :now
                            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                            RETURNING coordinator_id""")
                    .bind("hash", Tokens.hash(token)).bind("now", now).mapTo(Long.class).findOne();
            if (id.isEmpty()) return false;
            h.execute("UPDATE password_resets SET used_at = ? WHERE coordinator_id = ? AND used_at IS NULL", now, id.get());
            CoordinatorDao dao = h.attach(CoordinatorDao.class);
            dao.setPassword(id.get(), passwordHash);
            Sessions.endAllOf(h, id.get(), null);
            Coordinator c = dao.byId(id.get()).orElseThrow();
            audit.record(h, c.id(), c.email(), "password_reset", c.email(), "", c.id());
            return true;
        });
    }
}
