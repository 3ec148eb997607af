package org.undersigned.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The single way to write. One connection, one transaction at a time, each opened with
 * {@code BEGIN IMMEDIATE} so it holds SQLite's write lock from its first statement and can
 * never fail half-way with SQLITE_BUSY. Autocommit stays on outside the explicit transaction,
 * so the connection holds no lock while idle (sqlite-jdbc's own transaction mode would).
 */
public final class Writer implements AutoCloseable {
    private final Handle handle;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final List<Runnable> afterCommit = new ArrayList<>();

    Writer(Handle handle) {
        this.handle = handle;
    }

    public <T> T write(Function<Handle, T> work) {
        lock.lock();
        try {
            handle.execute("BEGIN IMMEDIATE");
            T result;
            try {
                result = work.apply(handle);
                handle.execute("COMMIT");
            } catch (RuntimeException | Error e) {
                afterCommit.clear();
                rollbackQuietly(e);
                throw e;
            }
            runAfterCommit();
            return result;
        } finally {
            lock.unlock();
        }
    }

    public void run(java.util.function.Consumer<Handle> work) {
        write(h -> {
            work.accept(h);
            return null;
        });
    }

    /** Inside {@link #write}: run this once the transaction has committed (never if it rolls back). */
    public void afterCommit(Runnable action) {
        if (!lock.isHeldByCurrentThread()) throw new IllegalStateException("afterCommit outside a write");
        afterCommit.add(action);
    }

    private void runAfterCommit() {
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        actions.forEach(Runnable::run);
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            handle.close();
        } finally {
            lock.unlock();
        }
    }
}
