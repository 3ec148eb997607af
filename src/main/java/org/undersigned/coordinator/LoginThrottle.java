package org.undersigned.coordinator;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;

/**
 * Failed logins slow an attacker down: after 5 failures for one account, or 20 from one address,
 * within 15 minutes, further attempts are refused until the window passes. Counted per typed
 * address whether or not an account exists, so the answer tells nothing about accounts.
 */
final class LoginThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final Database database;
    private final Clock clock;

    LoginThrottle(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    boolean blocked(String accountKey, String address) {
        long since = clock.millis() - WINDOW.toMillis();
        return database.reads().withHandle(h ->
                count(h, "SELECT COUNT(*) FROM login_failures WHERE account_key = :k AND at > :since", accountKey, since) >= PER_ACCOUNT
                || count(h, "SELECT COUNT(*) FROM login_failures WHERE address = :k AND at > :since", address, since) >= PER_ADDRESS);
    }

    void failed(String accountKey, String address) {
        long now = clock.millis();
        database.writer().run(h -> {
            h.execute("INSERT INTO login_failures (account_key, address, at) VALUES (?, ?, ?)", accountKey, address, now);
            h.execute("DELETE FROM login_failures WHERE at < ?", now - WINDOW.toMillis());
        });
    }

    void succeeded(Handle h, String accountKey) {
        h.execute("DELETE FROM login_failures WHERE account_key = ?", accountKey);
    }

    private static long count(Handle h, String sql, String key, long since) {
        return h.createQuery(sql).bind("k", key).bind("since", since).mapTo(Long.class).one();
    }
}
