package org.undersigned.db;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** What the writer has committed: transactions, and the pieces of work grouped into them. */
public final class WriteStats {
    private final LongAdder transactions = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();
    static final long SATURATION_WINDOW_NANOS = 100_000_000;
    /**
     * Pieces of work per commit, on average over the window, that also mean a queue: a commit groups
     * what arrived while the one before it ran, and at 500 sign-ons a second that is one or two.
     */
    static final int QUEUED_PER_COMMIT = 8;
    private final LongSupplier nanoTime;
    private long lookedAt;
    private long busyWhenLooked;
    private long transactionsWhenLooked;
    private long writesWhenLooked;
    private boolean lastSaturated;

    WriteStats() {
        this(System::nanoTime);
    }

    /** With the time source a test moves by hand. */
    WriteStats(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lookedAt = nanoTime.getAsLong();
    }

    void committed(int pieces) {
        transactions.increment();
        writes.add(pieces);
    }

    void busy(long nanos) {
        busyNanos.add(nanos);
    }

    /** Time the writer thread spent in transactions (work and fsync): near 1 s per second means it is the bottleneck. */
    public double busySeconds() {
        return busyNanos.sum() / 1e9;
    }

    /**
     * Whether work is queueing for the writer, so that whatever can wait should step back: since
     * the last caller asked (at least {@link #SATURATION_WINDOW_NANOS} ago; in between the last
     * answer holds), the writer was busy nearly all the time, or its commits grouped at least
     * {@link #QUEUED_PER_COMMIT} pieces of work on average. Busy time alone misses much of a spike:
     * a quick writer with a queue still has idle moments, and in those windows the relay would
     * send at full speed.
     */
    public boolean saturated() {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            long elapsed = now - lookedAt;
            if (elapsed >= SATURATION_WINDOW_NANOS) {
                long busy = busyNanos.sum();
                long committed = transactions.sum();
                long written = writes.sum();
                long commits = committed - transactionsWhenLooked;
                lastSaturated = busy - busyWhenLooked >= elapsed * 9 / 10
                        || commits > 0 && written - writesWhenLooked >= commits * QUEUED_PER_COMMIT;
                lookedAt = now;
                busyWhenLooked = busy;
                transactionsWhenLooked = committed;
                writesWhenLooked = written;
            }
            return lastSaturated;
        }
    }

    public long transactions() {
        return transactions.sum();
    }

    public long writes() {
        return writes.sum();
    }
}
