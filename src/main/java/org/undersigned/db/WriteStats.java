package org.undersigned.db;

import java.util.concurrent.atomic.LongAdder;

/** What the writer has committed: transactions, and the pieces of work grouped into them. */
public final class WriteStats {
    private final LongAdder transactions = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();
    static final long SATURATION_WINDOW_NANOS = 100_000_000;
    private long lookedAt = System.nanoTime();
    private long busyWhenLooked;
    private boolean lastSaturated;

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
     * Whether the writer was busy nearly all the time since the last caller asked (at least
     * {@link #SATURATION_WINDOW_NANOS} ago; in between the last answer holds): work is queueing
     * for it, and whatever can wait should step back.
     */
    public boolean saturated() {
        long now = System.nanoTime();
        synchronized (this) {
            long elapsed = now - lookedAt;
            if (elapsed >= SATURATION_WINDOW_NANOS) {
                long busy = busyNanos.sum();
                lastSaturated = busy - busyWhenLooked >= elapsed * 9 / 10;
                lookedAt = now;
                busyWhenLooked = busy;
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
