package org.undersigned.coordinator;

import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;

/**
 * Signing in and out. Wrong email and wrong password get the same answer in the same time; too
 * many failures for an account or an address are throttled; a success starts a new session, clears
 * the account's failures and is audited, in one transaction.
 */
final class Logins {
    enum Outcome { FORM_EXPIRED, FAILED, THROTTLED, SIGNED_IN }

    /** What came of an attempt, and on success the new session's id for the cookie. */
    record Result(Outcome outcome, String sessionId) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }
    }

    private final Coordinators coordinators;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Database database;
    private final Audit audit;

    Logins(Coordinators coordinators, Sessions sessions, LoginThrottle throttle, Database database, Audit audit) {
        this.coordinators = coordinators;
        this.sessions = sessions;
        this.throttle = throttle;
        this.database = database;
        this.audit = audit;
    }

    /**
     * formValid: whether the form's token was; address: the client's, for the throttle;
     * previousSessionId: the session the browser had, ended by a success (may be null).
     */
    Result login(String email, String password, boolean formValid, String address, String previousSessionId) {
        if (!formValid) return Result.of(Outcome.FORM_EXPIRED);
        if (email.isEmpty() || password.isEmpty() || password.length() > Passwords.MAX_LENGTH * 4) return Result.of(Outcome.FAILED);
        String accountKey = Coordinators.key(email);
        if (throttle.blocked(accountKey, address)) {
            coordinators.passwords().matches(password, null); // same time as a real check
            return Result.of(Outcome.THROTTLED);
        }
        Optional<Coordinator> coordinator = coordinators.authenticate(email, password);
        if (coordinator.isEmpty()) {
            throttle.failed(accountKey, address);
            return Result.of(Outcome.FAILED);
        }
        Coordinator me = coordinator.get();
        String sessionId = database.writer().write(h -> {
            throttle.succeeded(h, accountKey);
            audit.record(h, me.id(), me.email(), "login", "", "");
            return sessions.start(h, previousSessionId, me.id());
        });
        return new Result(Outcome.SIGNED_IN, sessionId);
    }

    void logout(Sessions.Session session) {
        sessions.end(session);
        audit.record(session.coordinator().id(), session.coordinator().email(), "logout", "", "");
    }
}
