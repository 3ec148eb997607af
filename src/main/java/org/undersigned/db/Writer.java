package org.undersigned.db;

import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;

/**
 * The single way to write: each piece of work runs in a transaction, and its caller hears back
 * only after the commit. On SQLite one thread group-commits every write ({@link GroupCommitWriter});
 * on PostgreSQL each write is a short transaction on a pooled connection ({@link PooledWriter}).
 * A piece of work may run more than once (PostgreSQL retries one that lost a race), so anything
 * it does outside the database goes in {@link #afterCommit}.
 */
public interface Writer extends AutoCloseable {
    /** Runs the work in a transaction and returns once it is committed. */
    <T> T write(Function<Handle, T> work);

    /**
     * {@link #write} without waiting: the future completes once the work is committed (or has
     * failed), on a thread of the writer's, so what follows must run elsewhere (an {@code ...Async}
     * stage with an executor of its own); anything slow there holds other writes up.
     */
    <T> CompletableFuture<T> submit(Function<Handle, T> work);

    default void run(Consumer<Handle> work) {
        write(h -> {
            work.accept(h);
            return null;
        });
    }

    /**
     * Runs {@code piece} as one write after another while each comes back full (it returns how
     * many rows it handled, at most {@code pieceSize}): a long clean-up in short transactions, so
     * that sign-ons go on between them. Returns the rows handled in all.
     */
    default int inPieces(int pieceSize, ToIntFunction<Handle> piece) {
        int total = 0;
        int handled;
        do {
            handled = write(piece::applyAsInt);
            total += handled;
        } while (handled == pieceSize);
        return total;
    }

    /** Inside {@link #write}: run this once the transaction has committed (never if it rolls back). */
    void afterCommit(Runnable action);

    /**
     * Inside {@link #write}: a prepared statement on the write's connection for plain JDBC, where a
     * hot path cannot afford JDBI's per-statement work, with the parameters bound in order (null
     * binds NULL). Execute it and close its result set, never the statement itself. Literal SQL
     * only (one statement per text).
     */
    PreparedStatement statement(String sql, Object... parameters);

    /**
     * Inside {@link #write}: a row for this statement (literal SQL, parameters as for
     * {@link #statement}), written before the commit; PostgreSQL's writer sends all the rows of a
     * transaction in one batch, SQLite's writes it at once. Only for rows nothing reads or changes
     * before the commit (a sign-on's token and its mail), and whose failure fails the whole work.
     */
    void batch(String sql, Object... parameters);

    /** Transactions committed and pieces of work in them so far, for the metrics. */
    WriteStats stats();

    /** Whether writes are queueing, so that whatever can wait (the mail relay) should step back. */
    boolean saturated();

    @Override
    void close();
}
