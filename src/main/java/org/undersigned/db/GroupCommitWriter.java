package org.undersigned.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite writer: one connection owned by one thread, which group-commits.
 *
 * <p>Callers hand their work in and wait ({@link #write}), or take a future that completes after
 * the commit ({@link #submit}). The writer thread takes whatever work is waiting (up
 * to {@link #MAX_BATCH}), opens one {@code BEGIN IMMEDIATE} transaction, runs each piece inside
 * its own savepoint (a piece that throws is rolled back alone and its caller gets the
 * exception), and commits once. With {@code synchronous=FULL} that one commit is one fsync for
 * the whole group, and every caller returns only after it: what a caller was told is durable.
 * Autocommit stays on between transactions, so the connection holds no lock while idle.
 */
final class GroupCommitWriter implements Writer {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    static final int MAX_BATCH = 512;
    private final Handle handle;
    private final CachedStatements statements = new CachedStatements();
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Task<Void> stop = new Task<>(h -> null);
    private final WriteStats stats = new WriteStats();
    private volatile boolean closed;
    /** The after-commit actions of the piece of work running now; only touched by the writer thread. */
    private List<Runnable> afterCommit;

    /** Told after each commit (by the writer thread, so it must be quick). */
    private final Runnable onCommit;

    GroupCommitWriter(Handle handle, Runnable onCommit) {
        this.handle = handle;
        this.onCommit = onCommit;
        handle.setStatementBuilder(statements);
        this.thread = new Thread(this::loop, "db-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public <T> T write(Function<Handle, T> work) {
        CompletableFuture<T> done = submit(work);
        try {
            return done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<T> submit(Function<Handle, T> work) {
        if (Thread.currentThread() == thread) throw new IllegalStateException("write inside a write: use the handle you were given");
        Task<T> task = new Task<>(work);
        if (closed) throw new IllegalStateException("the database is closed");
        queue.add(task);
        return task.done;
    }

    @Override
    public void afterCommit(Runnable action) {
        if (Thread.currentThread() != thread || afterCommit == null) throw new IllegalStateException("afterCommit outside a write");
        afterCommit.add(action);
    }

    @Override
    public PreparedStatement statement(String sql, Object... parameters) {
        if (Thread.currentThread() != thread || afterCommit == null) throw new IllegalStateException("a writer statement outside a write");
        try {
            PreparedStatement statement = statements.kept(handle.getConnection(), sql);
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            return statement;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare: " + sql, e);
        }
    }

    /** In process, a round trip costs nothing: the row is written at once. */
    @Override
    public void batch(String sql, Object... parameters) {
        try {
            statement(sql, parameters).executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write: " + sql, e);
        }
    }

    @Override
    public WriteStats stats() {
        return stats;
    }

    @Override
    public boolean saturated() {
        return stats.saturated();
    }

    /** Pieces of work handed in and not yet taken up. */
    int waiting() {
        return queue.size();
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stopping = batch.remove(this.stop);
            if (!batch.isEmpty()) {
                long start = System.nanoTime();
                commit(batch);
                stats.busy(System.nanoTime() - start);
            }
            batch.clear();
            if (stopping) return;
        }
    }

    private void commit(List<Task<?>> batch) {
        try {
            control("BEGIN IMMEDIATE");
        } catch (RuntimeException e) {
            batch.forEach(t -> t.done.completeExceptionally(e));
            return;
        }
        for (Task<?> task : batch) {
            afterCommit = task.afterCommit;
            try {
                control("SAVEPOINT work");
                task.run(handle);
                control("RELEASE work");
            } catch (RuntimeException | Error e) {
                task.failed = e;
                task.afterCommit.clear();
                if (!undo(e)) {
                    abandon(batch, e);
                    return;
                }
            } finally {
                afterCommit = null;
            }
        }
        try {
            control("COMMIT");
        } catch (RuntimeException e) {
            abandon(batch, e);
            return;
        }
        stats.committed(batch.size());
        onCommit.run();
        for (Task<?> task : batch) task.finish();
    }

    /** Transaction control on kept statements: four of these run for every piece of work. */
    private void control(String sql) {
        try {
            statements.kept(handle.getConnection(), sql).execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Rolls back one piece of work; false when the transaction itself is lost. */
    private boolean undo(Throwable cause) {
        try {
            control("ROLLBACK TO work");
            control("RELEASE work");
            return true;
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /** The whole transaction is lost: roll it back, and every caller hears why. */
    private void abandon(List<Task<?>> batch, Throwable cause) {
        try {
            control("ROLLBACK");
        } catch (RuntimeException rollbackFailure) {
            log.debug("rollback after a failed transaction also failed", rollbackFailure);
        }
        for (Task<?> task : batch) task.done.completeExceptionally(task.failed != null ? task.failed : cause);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(stop);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Task<?> late;
        while ((late = queue.poll()) != null) late.done.completeExceptionally(new IllegalStateException("the database is closed"));
        handle.close();
    }

    private static final class Task<T> {
        final Function<Handle, T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        final List<Runnable> afterCommit = new ArrayList<>(1);
        T result;
        Throwable failed;

        Task(Function<Handle, T> work) {
            this.work = work;
        }

        void run(Handle handle) {
            result = work.apply(handle);
        }

        void finish() {
            if (failed != null) {
                done.completeExceptionally(failed);
                return;
            }
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("an after-commit action failed", e);
                }
            }
            done.complete(result);
        }
    }
}
