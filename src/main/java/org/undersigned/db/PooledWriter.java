package org.undersigned.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL writer: short transactions on pooled connections, at read committed,
 * PostgreSQL's default: concurrent updates of one row (the petition's public version, bumped by
 * each confirmation) wait for each other instead of failing. Behind SQLite's single writer nobody
 * comes between a piece of work's read and its write; here the writes that decide on what they
 * read say so in their WHERE clause and act on the rows they changed (a confirmation confirms only
 * a pending signature), and a piece of work that inserts a key another took meanwhile, or
 * deadlocks, is rolled back and run again from the start, when it sees what the winner committed.
 *
 * <p>{@link #write} runs its work alone, on the caller's thread. {@link #submit} (sign-ons and
 * confirmations, the requests that come by the thousand) hands the work to a few lanes, each of
 * which runs whatever is waiting, up to {@link #MAX_BATCH} pieces, in one transaction: one commit
 * and one log flush for the lot, and the rows added with {@link #batch} sent in one round trip.
 * Per piece of work a transaction of its own costs PostgreSQL more processor time than the work
 * itself. There are no savepoints between the pieces (each would be two more round trips): when a
 * piece fails, the lot is rolled back and each piece runs again alone, so only the failing one
 * fails. Under a light load each lane finds one piece waiting, and that is a transaction of its own.
 */
final class PooledWriter implements Writer {
    private static final Logger log = LoggerFactory.getLogger(PooledWriter.class);
    private static final int ATTEMPTS = 4;
    /** Two: one runs its batch while the other waits for its commit's flush; more would split the same work into more commits. */
    static final int LANES = 2;
    static final int MAX_BATCH = 64;
    /** unique_violation, serialization_failure, deadlock_detected */
    private static final Set<String> LOST_RACE = Set.of("23505", "40001", "40P01");
    private final Jdbi jdbi;
    private final HikariDataSource pool;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> lanes = new ArrayList<>();
    private final Task<Void> stop = new Task<>(h -> null);
    private final ThreadLocal<Running> current = new ThreadLocal<>();
    private final WriteStats stats = new WriteStats();
    private volatile boolean closed;

    PooledWriter(HikariDataSource pool, Jdbi jdbi) {
        this.pool = pool;
        this.jdbi = jdbi;
        for (int i = 1; i <= LANES; i++) {
            Thread lane = new Thread(this::lane, "db-write-" + i);
            lane.setDaemon(true);
            lane.start();
            lanes.add(lane);
        }
    }

    @Override
    public <T> T write(Function<Handle, T> work) {
        if (current.get() != null) throw new IllegalStateException("write inside a write: use the handle you were given");
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            List<Runnable> afterCommit = new ArrayList<>(1);
            T result;
            try (Handle handle = jdbi.open()) {
                Running running = new Running(handle);
                try {
                    handle.begin();
                    result = running.run(work, afterCommit);
                    running.flushBatches();
                    handle.commit();
                } catch (RuntimeException | Error e) {
                    rollback(handle, e);
                    if (attempt < ATTEMPTS && lostRace(e)) {
                        log.debug("a write lost a race (attempt {}); running it again", attempt, e);
                        continue;
                    }
                    throw e;
                } finally {
                    running.close();
                }
            }
            stats.committed(1);
            stats.busy(System.nanoTime() - start);
            runAll(afterCommit);
            return result;
        }
    }

    @Override
    public <T> CompletableFuture<T> submit(Function<Handle, T> work) {
        Task<T> task = new Task<>(work);
        if (closed) throw new IllegalStateException("the database is closed");
        queue.add(task);
        return task.done;
    }

    private void lane() {
        List<Task<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (batch.remove(stop)) {
                queue.add(stop); // for the next lane
                batch.forEach(this::alone);
                return;
            }
            if (batch.size() == 1) alone(batch.get(0));
            else together(batch);
            batch.clear();
        }
    }

    private <T> void alone(Task<T> task) {
        try {
            task.done.complete(write(task.work));
        } catch (Throwable e) {
            task.done.completeExceptionally(e);
        }
    }

    /** The pieces in one transaction; if one of them fails, each runs again alone. */
    private void together(List<Task<?>> batch) {
        long start = System.nanoTime();
        RuntimeException failedPiece = null;
        try (Handle handle = jdbi.open()) {
            Running running = new Running(handle);
            try {
                handle.begin();
                for (Task<?> task : batch) task.runIn(running);
                running.flushBatches();
            } catch (RuntimeException e) {
                rollback(handle, e);
                failedPiece = e;
            }
            if (failedPiece == null) {
                try {
                    handle.commit();
                } catch (RuntimeException e) {
                    // whether it committed is unknown: nobody is told it did, and nothing runs twice
                    rollback(handle, e);
                    throw e;
                }
            }
            running.close();
        } catch (RuntimeException | Error e) { // no connection, or the commit failed
            for (Task<?> task : batch) task.done.completeExceptionally(e);
            return;
        }
        if (failedPiece != null) {
            log.debug("a piece of a batch of {} failed; each runs again alone", batch.size(), failedPiece);
            for (Task<?> task : batch) {
                task.afterCommit.clear();
                alone(task);
            }
            return;
        }
        stats.committed(batch.size());
        stats.busy(System.nanoTime() - start);
        for (Task<?> task : batch) task.finish();
    }

    @Override
    public void afterCommit(Runnable action) {
        Running running = current.get();
        if (running == null || running.afterCommit == null) throw new IllegalStateException("afterCommit outside a write");
        running.afterCommit.add(action);
    }

    @Override
    public PreparedStatement statement(String sql, Object... parameters) {
        Running running = current.get();
        if (running == null) throw new IllegalStateException("a writer statement outside a write");
        try {
            return bind(running.statements.computeIfAbsent(sql, running::prepare), parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare: " + sql, e);
        }
    }

    @Override
    public void batch(String sql, Object... parameters) {
        Running running = current.get();
        if (running == null) throw new IllegalStateException("a writer batch outside a write");
        try {
            bind(running.batches.computeIfAbsent(sql, running::prepare), parameters).addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add to the batch of: " + sql, e);
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
        return statement;
    }

    @Override
    public WriteStats stats() {
        return stats;
    }

    /** Writes waiting for a lane or a connection: the database is the bottleneck. */
    @Override
    public boolean saturated() {
        var bean = pool.getHikariPoolMXBean();
        return !queue.isEmpty() || (bean != null && bean.getThreadsAwaitingConnection() > 0);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(stop);
        for (Thread lane : lanes) {
            try {
                lane.join(30_000);
                if (lane.isAlive()) log.warn("{} still writing after 30 s; closing anyway", lane.getName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Task<?> late;
        while ((late = queue.poll()) != null) {
            if (late != stop) late.done.completeExceptionally(new IllegalStateException("the database is closed"));
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

    private static void runAll(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("an after-commit action failed", e);
            }
        }
    }

    /**
     * A transaction under way on this thread: its connection, its kept statements, the rows batched
     * for its end, and the after-commit list of the piece of work running now.
     */
    private final class Running {
        final Handle handle;
        final Map<String, PreparedStatement> statements = new HashMap<>(8);
        final Map<String, PreparedStatement> batches = new LinkedHashMap<>(4);
        List<Runnable> afterCommit;

        Running(Handle handle) {
            this.handle = handle;
        }

        <T> T run(Function<Handle, T> work, List<Runnable> afterCommitOfWork) {
            afterCommit = afterCommitOfWork;
            current.set(this);
            try {
                return work.apply(handle);
            } finally {
                current.remove();
                afterCommit = null;
            }
        }

        PreparedStatement prepare(String sql) {
            try {
                return handle.getConnection().prepareStatement(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare: " + sql, e);
            }
        }

        /** The batched rows, statement by statement in the order each was first used. */
        void flushBatches() {
            for (Map.Entry<String, PreparedStatement> batch : batches.entrySet()) {
                try {
                    batch.getValue().executeBatch();
                } catch (SQLException e) {
                    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                    throw new IllegalStateException("cannot write the batch of: " + batch.getKey(), cause);
                }
            }
        }

        void close() {
            for (PreparedStatement statement : statements.values()) closeQuietly(statement);
            for (PreparedStatement statement : batches.values()) closeQuietly(statement);
            statements.clear();
            batches.clear();
        }

        private static void closeQuietly(PreparedStatement statement) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection goes back to the pool, which closes what it must
            }
        }
    }

    private static final class Task<T> {
        final Function<Handle, T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        final List<Runnable> afterCommit = new ArrayList<>(1);
        T result;

        Task(Function<Handle, T> work) {
            this.work = work;
        }

        void runIn(Running running) {
            result = running.run(work, afterCommit);
        }

        void finish() {
            runAll(afterCommit);
            done.complete(result);
        }
    }
}
