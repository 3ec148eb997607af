package org.undersigned.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition, never for a fixed time: polls until it holds, fails at a deadline saying what was awaited. */
public final class Wait {
    public static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 10;

    private Wait() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEADLINE, condition);
    }

    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
