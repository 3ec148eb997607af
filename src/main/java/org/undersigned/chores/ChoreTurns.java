package org.undersigned.chores;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;

/**
 * Turns at the chores, kept in the database (chore_turns) so that instances sharing it take each
 * round once: the instance whose update finds the chore free and due runs the round, the others
 * skip it. Times here are the wall clock, whatever clock the application's business runs on,
 * since they pace threads, not signatures.
 *
 * <p>On PostgreSQL a round is held with an advisory lock on a connection of its own, which the
 * server releases the moment that connection goes: an instance killed mid-round hands the chore to
 * the others at once. On SQLite, one instance per file, a round is held until {@link #HOLD} past
 * its interval, and a start forgets what its predecessor held.
 */
final class ChoreTurns implements Periodic.Turns, AutoCloseable {
    static final Duration HOLD = Duration.ofMinutes(15);
    private final Database database;
    private final Clock wall;
    private final boolean postgresql;
    private final String me = UUID.randomUUID().toString();
    /** PostgreSQL: the connection that holds each running chore's lock. */
    private final Map<String, Connection> locks = new ConcurrentHashMap<>();

    ChoreTurns(Database database, Clock wall) {
        this.database = database;
        this.wall = wall;
        this.postgresql = database.dialect() == Dialect.POSTGRESQL;
        if (!postgresql) database.writer().run(h -> h.execute("UPDATE chore_turns SET held_until = 0"));
    }

    @Override
    public boolean take(String chore, Duration every) {
        Connection lock = postgresql ? lock(chore) : null;
        if (postgresql && lock == null) return false;
        long now = wall.millis();
        boolean mine;
        try {
            mine = database.writer().write(h -> {
                h.createUpdate("INSERT INTO chore_turns (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").bind("name", chore).execute();
                return h.createUpdate("""
                                UPDATE chore_turns SET holder = :me, held_until = :until, rounds = rounds + 1
                                WHERE name = :name AND next_due_at <= :now AND (:locked OR held_until < :now)""")
                        .bind("me", me).bind("until", now + every.toMillis() + HOLD.toMillis()).bind("name", chore).bind("now", now)
                        .bind("locked", lock != null).execute() == 1;
            });
        } catch (RuntimeException e) {
            unlock(lock);
            throw e;
        }
        if (!mine) {
            unlock(lock);
            return false;
        }
        if (lock != null) locks.put(chore, lock);
        return true;
    }

    /**
     * The next round is due {@code every} from now, less a little: this instance's own scheduler
     * waits {@code every} after this, and must find the round due when it wakes.
     */
    @Override
    public void done(String chore, Duration every) {
        long next = wall.millis() + every.toMillis() - Math.min(every.toMillis() / 4, 1000);
        try {
            database.writer().run(h -> h.createUpdate("UPDATE chore_turns SET held_until = 0, next_due_at = :next WHERE name = :name AND holder = :me")
                    .bind("next", next).bind("name", chore).bind("me", me).execute());
        } finally {
            unlock(locks.remove(chore));
        }
    }

    /** Lets go of every round still held, as the end of the process would. */
    @Override
    public void close() {
        locks.values().forEach(ChoreTurns::unlock);
        locks.clear();
    }

    /** The chore's advisory lock on a new connection, or null when another instance holds it. */
    private Connection lock(String chore) {
        Connection connection = database.openConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key(chore));
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getBoolean(1)) return connection;
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the lock of the chore " + chore, e);
        }
        closeQuietly(connection);
        return null;
    }

    /** Closing the connection releases its lock. */
    private static void unlock(Connection lock) {
        if (lock != null) closeQuietly(lock);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server releases the lock when the session ends, however it ends
        }
    }

    /** The same number for the same chore in every instance (String.hashCode is fixed by the language). */
    private static long key(String chore) {
        return ("undersigned chore " + chore).hashCode();
    }
}
