package org.undersigned.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token: {@link #PER_SECOND} requests a second on average, bursts of up to
 * {@link #BURST}. Kept in this instance's memory, so with several instances on one PostgreSQL
 * database a token gets this much from each (docs/api.md says so): a bucket in the database would
 * cost a write per request, and the limit is a guard against runaway clients, not a quota. A
 * restart refills every bucket, which only forgives.
 */
final class RateLimit {
    static final double PER_SECOND = 10;
    static final double BURST = 20;
    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(Clock clock) {
        this.clock = clock;
    }

    /** 0 when the request may go on (and it is counted); otherwise the whole seconds to wait before the next one. */
    long take(long tokenId) {
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(clock.millis())).take(clock.millis());
    }

    private static final class Bucket {
        private double available = BURST;
        private long at;

        Bucket(long now) {
            this.at = now;
        }

        synchronized long take(long now) {
            available = Math.min(BURST, available + Math.max(0, now - at) * PER_SECOND / 1000);
            at = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - available) / PER_SECOND));
        }
    }
}
