package org.undersigned.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed pages from the write-ahead log into the database file on a thread and a
 * connection of its own, so that the single writer does not.
 *
 * <p>By default SQLite checkpoints inside the commit that takes the log past 1,000 pages: every
 * few group commits, the writer would copy about 4 MB and fsync the database file while every
 * sign-on waits. Here a passive checkpoint (it takes no lock that a writer or reader waits for)
 * runs after commits, at most one each {@link #PAUSE_MILLIS} ms, and the writer's own automatic
 * checkpoint is left only the few pages committed since the last one: SQLite restarts the log
 * from its start only after a checkpoint that reached its end, and a background one chasing a
 * busy writer seldom does. Durability is untouched: a commit is fsynced in the log before it
 * returns, and SQLite makes checkpoints crash-safe whichever connection runs them.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    static final long PAUSE_MILLIS = 20;
    private final Connection connection;
    private final Thread thread;
    private final AtomicLong pages = new AtomicLong();
    private volatile boolean closed;

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "db-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The writer committed: checkpoint once the one running now (if any) is done. */
    void committed() {
        LockSupport.unpark(thread);
    }

    /** Pages in the write-ahead log at the last checkpoint, copied or not: it shrinks when the log restarts. */
    long logPages() {
        return pages.get();
    }

    private void loop() {
        while (!closed) {
            LockSupport.park(this);
            if (closed) return;
            pause();
            if (closed) return;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                if (result.next()) pages.set(result.getLong("log"));
            } catch (SQLException e) {
                if (!closed) log.warn("a background checkpoint failed; the writer's own checkpoints go on", e);
            }
        }
    }

    /**
     * Lets commits gather between checkpoints. Each checkpoint fsyncs the log and the database
     * file, and copies the pages every commit touches (the ends of the tables and of the
     * time-ordered indexes) once more: after every commit, that would cost the sign-ons a good
     * part of their rate. The writer's own checkpoint is then left at most this long's commits.
     */
    private void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the checkpoint connection failed", e);
        }
    }
}
