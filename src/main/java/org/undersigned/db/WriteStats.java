package org.undersigned.db;

import java.util.concurrent.atomic.LongAdder;

/** What the writer has committed: transactions, and the pieces of work grouped into them. */
public final class WriteStats {
    private final LongAdder transactions = new LongAdder();
    private final LongAdder writes = new LongAdder();

    void committed(int pieces) {
        transactions.increment();
        writes.add(pieces);
    }

    public long transactions() {
        return transactions.sum();
    }

    public long writes() {
        return writes.sum();
    }
}
