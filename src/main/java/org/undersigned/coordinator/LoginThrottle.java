package org.undersigned.coordinator;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;

/**
 * Slows password guessing down without letting anyone lock the owner out. Every attempt is counted
 * before its password is checked, in one write, so that guesses sent in parallel cannot all slip
 * past the count (on PostgreSQL too, across instances): at most 20 per client address within 15
 * minutes, on any accounts; and once an account has had 5 attempts within 15 minutes, only a client
 * that has not tried it in that time gets its password checked, once. The attacker's address is
 * refused; the owner, from an address that has not failed, gets in at the first try. Counted per
 * typed address whether or not an account exists, so the answer tells nothing about accounts.
 */
final class LoginThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** In a row's account_key or address: counts for any. */
    private static final String ANY = "";
    private final Database database;
    private final Clock clock;

    LoginThrottle(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Counts this attempt and says whether its password may be checked. */
    boolean reserve(String accountKey, String address) {
        long now = clock.millis();
        return database.writer().write(h -> {
            // always account, then account and address, then address: on PostgreSQL each upsert holds its
            // row until the commit, so attempts on one account (or from one address) count one after the other
            int onAccount = countOne(h, accountKey, ANY, now);
            int fromClientOnAccount = countOne(h, accountKey, address, now);
            int fromClient = countOne(h, ANY, address, now);
            return fromClient <= PER_ADDRESS && (onAccount <= PER_ACCOUNT || fromClientOnAccount == 1);
        });
    }

    /**
     * In the login's transaction: this client's attempts on this account, its typos and the one that
     * succeeded, no longer count, on any of the three. Other clients' attempts stay counted.
     */
    void succeeded(Handle h, String accountKey, String address) {
        int forgiven = h.createQuery("SELECT attempts FROM login_attempts WHERE account_key = :k AND address = :a")
                .bind("k", accountKey).bind("a", address).mapTo(Integer.class).findOne().orElse(0);
        forgive(h, accountKey, ANY, forgiven);
        h.execute("DELETE FROM login_attempts WHERE account_key = ? AND address = ?", accountKey, address);
        forgive(h, ANY, address, forgiven);
    }

    /**
     * Forgets the counts whose window has passed (their next attempt would start afresh anyway). One
     * kind of row after the other, in the order {@link #reserve} takes them, so that this never
     * deadlocks with a login on PostgreSQL.
     */
    int forgetPast() {
        long expired = clock.millis() - WINDOW.toMillis();
        return database.writer().write(h ->
                h.execute("DELETE FROM login_attempts WHERE address = '' AND since <= ?", expired)
                + h.execute("DELETE FROM login_attempts WHERE account_key <> '' AND address <> '' AND since <= ?", expired)
                + h.execute("DELETE FROM login_attempts WHERE account_key = '' AND since <= ?", expired));
    }

    /** One more attempt on this row, which starts again from 1 once its window has passed; returns the count. */
    private int countOne(Handle h, String accountKey, String address, long now) {
        return h.createQuery("""
                        INSERT INTO login_attempts (account_key, address, since, attempts) VALUES (:k, :a, :now, 1)
                        ON CONFLICT (account_key, address) DO UPDATE SET
                            attempts = CASE WHEN login_attempts.since <= :expired THEN 1 ELSE login_attempts.attempts + 1 END,
                            since = CASE WHEN login_attempts.since <= :expired THEN :now ELSE login_attempts.since END
                        RETURNING attempts""")
                .bind("k", accountKey).bind("a", address).bind("now", now).bind("expired", now - WINDOW.toMillis())
                .mapTo(Integer.class).one();
    }

    private static void forgive(Handle h, String accountKey, String address, int attempts) {
        h.execute("UPDATE login_attempts SET attempts = CASE WHEN attempts > ? THEN attempts - ? ELSE 0 END WHERE account_key = ? AND address = ?",
                attempts, attempts, accountKey, address);
    }
}
