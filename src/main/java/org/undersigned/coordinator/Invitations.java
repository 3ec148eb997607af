package org.undersigned.coordinator;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.tokens.Tokens;

/**
 * An admin invites a coordinator by email: the account exists at once without a password, and a
 * one-time link valid for a week lets the person choose one. Account, link, mail and audit entry
 * are one transaction.
 */
final class Invitations {
    static final Duration VALIDITY = Duration.ofDays(7);
    private final Database database;
    private final Coordinators coordinators;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Tokens tokens;
    private final Audit audit;
    private final Clock clock;
    private final String baseUrl;

    Invitations(Database database, Coordinators coordinators, Outbox outbox, MailComposer composer, Tokens tokens,
                Audit audit, Clock clock, String baseUrl) {
        this.database = database;
        this.coordinators = coordinators;
        this.outbox = outbox;
        this.composer = composer;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The petitions an admin may give the invited person at once. */
    java.util.List<Assignable.Petition> assignable() {
        return database.reads().withExtension(Assignable.class, Assignable::all);
    }

    /** Invites, and assigns the given petitions (unknown ids are ignored), each assignment audited as one. */
    Coordinator invite(Coordinator admin, String email, String name, Role role, Language language, java.util.List<Long> petitionIds) {
        return database.writer().write(h -> {
            Coordinator invited = coordinators.insert(h, email, name, role, null);
            h.attach(CoordinatorDao.class).setLanguage(invited.id(), language.code());
            Assignable assignable = h.attach(Assignable.class);
            for (long petitionId : petitionIds) {
                var petition = assignable.byId(petitionId);
                if (petition.isPresent() && assignable.assign(petitionId, invited.id()) == 1) {
                    audit.record(h, admin.id(), admin.email(), "assign", petition.get().path(), invited.email(), invited.id());
                }
            }
            send(h, admin, invited, language.locale());
            audit.record(h, admin.id(), admin.email(), "invite", invited.email(), invited.role().code(), invited.id());
            return invited;
        });
    }

    /** A new link and mail, for a week from now; the links sent before stop working. */
    boolean resend(Coordinator admin, long coordinatorId) {
        return database.writer().write(h -> {
            Optional<Coordinator> invited = pendingOne(h, coordinatorId);
            if (invited.isEmpty()) return false;
            h.execute("UPDATE invitations SET expires_at = ? WHERE coordinator_id = ? AND used_at IS NULL AND expires_at > ?",
                    clock.millis(), coordinatorId, clock.millis());
            String language = h.attach(CoordinatorDao.class).language(coordinatorId).orElse("en");
            send(h, admin, invited.get(), Language.localeOf(language));
            audit.record(h, admin.id(), admin.email(), "invite_again", invited.get().email(), "", coordinatorId);
            return true;
        });
    }

    /** Withdraws the invitation: its link answers that an admin withdrew it. The account stays, without a password, until removed. */
    boolean revoke(Coordinator admin, long coordinatorId) {
        return database.writer().write(h -> {
            Optional<Coordinator> invited = pendingOne(h, coordinatorId);
            if (invited.isEmpty()) return false;
            h.execute("UPDATE invitations SET revoked_at = ? WHERE coordinator_id = ? AND used_at IS NULL AND revoked_at IS NULL",
                    clock.millis(), coordinatorId);
            audit.record(h, admin.id(), admin.email(), "invite_revoke", invited.get().email(), "", coordinatorId);
            return true;
        });
    }

    /** An invitation not yet accepted: whom, and until when its newest link works (in the past: expired; revoked: withdrawn). */
    record Pending(long coordinatorId, String email, String name, String role, long expiresAt, boolean revoked, boolean expired) {}

    /** Everyone invited who has not chosen a password yet, with their newest link. */
    java.util.List<Pending> pending() {
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT c.id AS coordinator_id, c.email, c.name, c.role, i.expires_at, i.revoked_at IS NOT NULL AS revoked,
                               i.expires_at <= :now AS expired
                        FROM coordinators c JOIN invitations i ON i.coordinator_id = c.id
                        WHERE c.password_hash IS NULL AND i.used_at IS NULL
                          AND i.token_hash = (SELECT token_hash FROM invitations WHERE coordinator_id = c.id
                                              ORDER BY created_at DESC, expires_at DESC LIMIT 1)
                        ORDER BY c.email""")
                .bind("now", clock.millis())
                .map((rs, ctx) -> new Pending(rs.getLong("coordinator_id"), rs.getString("email"), rs.getString("name"),
                        rs.getString("role"), rs.getLong("expires_at"), rs.getBoolean("revoked"), rs.getBoolean("expired")))
                .list());
    }

    /** Whether an admin withdrew the invitation this link belongs to. */
    boolean revoked(String token) {
        if (token == null || token.length() > 100) return false;
        return database.reads().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM invitations WHERE token_hash = :hash AND revoked_at IS NOT NULL AND used_at IS NULL")
                .bind("hash", Tokens.hash(token)).mapTo(Long.class).one() > 0);
    }

    private static Optional<Coordinator> pendingOne(org.jdbi.v3.core.Handle h, long coordinatorId) {
        CoordinatorDao dao = h.attach(CoordinatorDao.class);
        return dao.byId(coordinatorId).filter(c -> dao.passwordHashOf(coordinatorId).isEmpty());
    }

    private void send(org.jdbi.v3.core.Handle h, Coordinator admin, Coordinator invited, Locale locale) {
        String token = tokens.next();
        h.execute("INSERT INTO invitations (token_hash, coordinator_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                Tokens.hash(token), invited.id(), clock.millis(), clock.millis() + VALIDITY.toMillis());
        outbox.enqueue(h, composer.compose("invitation", locale, invited.email(), Map.of(
                "title", admin.displayName(),
                "name", invited.displayName(),
                "link", baseUrl + "/admin/invitations/" + token,
                "validDays", VALIDITY.toDays())));
    }

    /** The coordinator this unused, unexpired link invites. */
    Optional<Coordinator> open(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        long now = clock.millis();
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT coordinator_id FROM invitations
                        WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .bind("hash", Tokens.hash(token)).bind("now", now).mapTo(Long.class).findOne()
                .flatMap(id -> h.attach(CoordinatorDao.class).byId(id)));
    }

    /**
     * Sets the password, uses up the link and signs the person in, in one transaction; returns the
     * new session's id, or nothing if the link was used meanwhile.
     */
    Optional<String> accept(String token, long coordinatorId, String passwordHash, Sessions sessions, String previousSessionId) {
        return database.writer().write(h -> {
            int used = h.execute("UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
                    clock.millis(), Tokens.hash(token), clock.millis());
            if (used == 0) return Optional.<String>empty();
            h.attach(CoordinatorDao.class).setPassword(coordinatorId, passwordHash);
            return Optional.of(sessions.start(h, previousSessionId, coordinatorId));
        });
    }
}
