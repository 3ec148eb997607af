package org.undersigned.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL writer: each piece of work is its own short transaction on a pooled connection,
 * and its caller hears back after the commit (PostgreSQL groups the log flushes of concurrent
 * commits itself), at read committed, PostgreSQL's default: concurrent updates of one row (the
 * petition's public version, bumped by each confirmation) wait for each other instead of failing.
 * Behind SQLite's single writer nobody comes between a piece of work's read and its write; here
 * the writes that decide on what they read say so in their WHERE clause and act on the rows they
 * changed (a confirmation confirms only a pending signature), and a piece of work that inserts a
 * key another took meanwhile, or deadlocks, is rolled back and run again from the start, when it
 * sees what the winner committed.
 */
final class PooledWriter implements Writer {
    private static final Logger log = LoggerFactory.getLogger(PooledWriter.class);
    private static final int ATTEMPTS = 4;
    /** unique_violation, serialization_failure, deadlock_detected */
    private static final Set<String> LOST_RACE = Set.of("23505", "40001", "40P01");
    private final Jdbi jdbi;
    private final HikariDataSource pool;
    private final ThreadPoolExecutor submitted;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final WriteStats stats = new WriteStats();

    PooledWriter(HikariDataSource pool, Jdbi jdbi) {
        this.pool = pool;
        this.jdbi = jdbi;
        int threads = pool.getMaximumPoolSize();
        AtomicInteger numbered = new AtomicInteger();
        this.submitted = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "db-write-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> T write(Function<Handle, T> work) {
        if (current.get() != null) throw new IllegalStateException("write inside a write: use the handle you were given");
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            Transaction transaction = new Transaction();
            T result;
            try (Handle handle = jdbi.open()) {
                transaction.handle = handle;
                current.set(transaction);
                try {
                    handle.begin();
                    result = work.apply(handle);
                    handle.commit();
                } catch (RuntimeException | Error e) {
                    rollback(handle, e);
                    if (attempt < ATTEMPTS && lostRace(e)) {
                        log.debug("a write lost a race (attempt {}); running it again", attempt, e);
                        continue;
                    }
                    throw e;
                } finally {
                    current.remove();
                    transaction.closeStatements();
                }
            }
            stats.committed(1);
            stats.busy(System.nanoTime() - start);
            for (Runnable action : transaction.afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("an after-commit action failed", e);
                }
            }
            return result;
        }
    }

    @Override
    public <T> CompletableFuture<T> submit(Function<Handle, T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            submitted.execute(() -> {
                try {
                    done.complete(write(work));
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the database is closed", e);
        }
        return done;
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction transaction = current.get();
        if (transaction == null) throw new IllegalStateException("afterCommit outside a write");
        transaction.afterCommit.add(action);
    }

    @Override
    public PreparedStatement statement(String sql, Object... parameters) {
        Transaction transaction = current.get();
        if (transaction == null) throw new IllegalStateException("a writer statement outside a write");
        try {
            PreparedStatement statement = transaction.statements.get(sql);
            if (statement == null) {
                statement = transaction.handle.getConnection().prepareStatement(sql);
                transaction.statements.put(sql, statement);
            }
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            return statement;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare: " + sql, e);
        }
    }

    @Override
    public WriteStats stats() {
        return stats;
    }

    /** Writes waiting for a connection or a thread: the pool is the bottleneck. */
    @Override
    public boolean saturated() {
        var bean = pool.getHikariPoolMXBean();
        return !submitted.getQueue().isEmpty() || (bean != null && bean.getThreadsAwaitingConnection() > 0);
    }

    @Override
    public void close() {
        submitted.shutdown();
        try {
            if (!submitted.awaitTermination(30, TimeUnit.SECONDS)) log.warn("writes still running after 30 s; closing anyway");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && LOST_RACE.contains(sql.getSQLState())) return true;
        }
        return false;
    }

    private static void rollback(Handle handle, Throwable cause) {
        try {
            if (handle.isInTransaction()) handle.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** One attempt at a piece of work: its connection, its kept statements, what runs after its commit. */
    private static final class Transaction {
        Handle handle;
        final Map<String, PreparedStatement> statements = new HashMap<>(4);
        final List<Runnable> afterCommit = new ArrayList<>(1);

        void closeStatements() {
            for (PreparedStatement statement : statements.values()) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // the connection goes back to the pool, which closes what it must
                }
            }
        }
    }
}
