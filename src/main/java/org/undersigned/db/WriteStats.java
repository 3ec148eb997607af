package org.undersigned.db;

import java.util.concurrent.atomic.LongAdder;

/** What the writer has committed: transactions, and the pieces of work grouped into them. */
public final class WriteStats {
    private final LongAdder transactions = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();

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

    public long transactions() {
        return transactions.sum();
    }

    public long writes() {
        return writes.sum();
    }
}
