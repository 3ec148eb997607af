package org.undersigned.chores;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chore that runs on its own background thread every so often; a failed round is logged and the
 * next one runs. With several instances on one database, each round is first taken as a turn
 * ({@link Turns}): an instance whose turn it is not skips the round.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);
    /** A sparing chore waits this many times as long as its last round took: it keeps to 1/20 of a core. */
    private static final int SPARING_FACTOR = 19;
    private final ScheduledExecutorService scheduler;
    private final String name;
    private final long everyMillis;
    private final Runnable chore;
    private final boolean sparing;
    private final Turns turns;
    private final AtomicLong rounds = new AtomicLong();

    /** Whose turn a round is, when several instances run the same chores. */
    public interface Turns {
        /** One instance alone: every round is its own. */
        Turns ALONE = new Turns() {
            @Override
            public boolean take(String chore, Duration every) {
                return true;
            }

            @Override
            public void done(String chore, Duration every) {}
        };

        /** Whether this instance runs this round; when true, {@link #done} follows it. */
        boolean take(String chore, Duration every);

        /** The round has ended (or failed): the next one is due {@code every} from now, on any instance. */
        void done(String chore, Duration every);
    }

    /** Rounds {@code every} apart (from the end of one to the start of the next), on this instance alone. */
    public Periodic(String name, Duration every, Runnable chore) {
        this(name, every, chore, false, Turns.ALONE);
    }

    Periodic(String name, Duration every, Runnable chore, boolean sparing, Turns turns) {
        this.name = name;
        this.turns = turns;
        this.everyMillis = every.toMillis();
        this.chore = chore;
        this.sparing = sparing;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.schedule(this::round, everyMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * For a chore whose rounds grow with the traffic, such as counting the last hour's sign-ons:
     * after a round that took d, the next one waits {@code every} or 19 d, whichever is longer.
     * During a national-scale spike it then keeps to a twentieth of a core, and runs less often,
     * instead of taking a core the sign-ons need.
     */
    public static Periodic sparing(String name, Duration every, Runnable chore) {
        return new Periodic(name, every, chore, true, Turns.ALONE);
    }

    private void round() {
        long start = System.nanoTime();
        if (myTurn()) {
            try {
                chore.run();
            } catch (RuntimeException e) {
                log.error("{} failed; trying again at the next round", name, e);
            } finally {
                try {
                    turns.done(name, Duration.ofMillis(everyMillis));
                } catch (RuntimeException e) {
                    log.error("{} could not hand its turn back; another instance takes it once it lapses", name, e);
                }
            }
            rounds.incrementAndGet();
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        long delay = sparing ? Math.max(everyMillis, SPARING_FACTOR * took) : everyMillis;
        if (delay > everyMillis) log.info("{} took {} ms; its next round waits {} s", name, took, delay / 1000);
        try {
            scheduler.schedule(this::round, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile: no next round
        }
    }

    private boolean myTurn() {
        try {
            return turns.take(name, Duration.ofMillis(everyMillis));
        } catch (RuntimeException e) {
            // closing interrupts a round that is still connecting: that is the end, not a failure
            if (scheduler.isShutdown()) log.debug("{} stopped while taking its turn", name, e);
            else log.error("{} could not take its turn; trying again at the next round", name, e);
            return false;
        }
    }

    /**
     * Rounds this instance ran so far, failed ones included, skipped ones (another instance's turn)
     * not: a round that starts after a change has seen it once this grows by two.
     */
    public long rounds() {
        return rounds.get();
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
