package org.undersigned.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset the test can move forward (so timers still run, and days can pass at once);
 * or, once {@link #stopAt stopped}, a fixed instant that moves only when the test advances it.
 */
public final class TestClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant stopped;

    /** From now on the time is this instant (plus what the test advances), so pages show the same dates and ages in every run. */
    public void stopAt(Instant at) {
        offset = Duration.ZERO;
        stopped = at;
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        Instant base = stopped;
        return (base == null ? Instant.now() : base).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
