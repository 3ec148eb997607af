package org.undersigned.signature;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the periodic chores (reminders, purges) on one background thread. */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(PendingSignatures pending, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                pending.remind();
                pending.purge();
            } catch (RuntimeException e) {
                log.error("Housekeeping failed; trying again at the next round", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
