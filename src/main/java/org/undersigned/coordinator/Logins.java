package org.undersigned.coordinator;

import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;
import org.undersigned.signature.EmailAddress;

/**
 * Signing in and out. Wrong email and wrong password get the same answer in the same time; every
 * attempt is counted by the {@link LoginThrottle} before its password is checked; a success starts a
 * new session, forgives the client's attempts on the account and is audited, in one transaction.
 */
final class Logins {
    /** CODE_NEEDED: the password was right; a session that waits for the second factor has begun. */
    enum Outcome { FORM_EXPIRED, FAILED, THROTTLED, CODE_NEEDED, SIGNED_IN }

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
    private final SecondFactor secondFactor;

    Logins(Coordinators coordinators, Sessions sessions, LoginThrottle throttle, Database database, Audit audit, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
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
        if (email.isEmpty() || email.length() > EmailAddress.MAX_LENGTH || password.isEmpty() || password.length() > Passwords.MAX_LENGTH * 4) {
            return Result.of(Outcome.FAILED); // no account has such an address or such a password: nothing to check
        }
        String accountKey = Coordinators.key(email);
        // no decoy check here: a refused attempt costs no hashing, and its answer is the same for every account
        if (!throttle.reserve(accountKey, address)) return Result.of(Outcome.THROTTLED);
        Optional<Coordinator> coordinator = coordinators.authenticate(email, password);
        if (coordinator.isEmpty()) return Result.of(Outcome.FAILED);
        Coordinator me = coordinator.get();
        if (secondFactor.enabled(me.id())) {
            String halfway = database.writer().write(h -> {
                throttle.succeeded(h, accountKey, address);
                return sessions.start(h, previousSessionId, me.id(), true);
            });
            return new Result(Outcome.CODE_NEEDED, halfway);
        }
        String sessionId = database.writer().write(h -> {
            throttle.succeeded(h, accountKey, address);
            audit.record(h, me.id(), me.email(), "login", "", "");
            return sessions.start(h, previousSessionId, me.id());
        });
        return new Result(Outcome.SIGNED_IN, sessionId);
    }

    /**
     * The second factor, in a session that waits for it: each attempt is counted by the throttle
     * (as a login on its own key) before the code is checked; a right code starts a full session
     * with a new id, ending the waiting one.
     */
    Result code(Sessions.Session session, String code, String address) {
        Coordinator me = session.coordinator();
        String key = "code:" + me.id();
        if (!throttle.reserve(key, address)) return Result.of(Outcome.THROTTLED);
        return database.writer().write(h -> {
            SecondFactor.Check check = secondFactor.check(h, me, code);
            if (check == SecondFactor.Check.REFUSED) return Result.of(Outcome.FAILED);
            throttle.succeeded(h, key, address);
            h.execute("DELETE FROM sessions WHERE id_hash = ?", session.idHash());
            audit.record(h, me.id(), me.email(), "login", "", check == SecondFactor.Check.RECOVERY_CODE ? "recovery code" : "");
            return new Result(Outcome.SIGNED_IN, sessions.start(h, null, me.id()));
        });
    }

    void logout(Sessions.Session session) {
        sessions.end(session);
        audit.record(session.coordinator().id(), session.coordinator().email(), "logout", "", "");
    }
}
