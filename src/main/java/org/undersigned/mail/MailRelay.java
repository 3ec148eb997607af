package org.undersigned.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.Config;
import org.undersigned.metrics.Metrics;

/**
 * Drains the outbox on its own thread: at-least-once delivery, exponential backoff for passing
 * trouble, no retry for a permanent refusal, and a sent row is never picked again.
 */
public final class MailRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_DELAY = Duration.ofHours(6);
    private final Outbox outbox;
    private final MailTransport transport;
    private final MailComposer composer;
    private final Duration retryBase;
    /** Mails handed to the mail server at once; most relays accept a few parallel connections. */
    static final int CONNECTIONS = 4;
    static final int BATCH = 200;
    /**
     * While sign-ons queue for the writer, the relay rests this long after each batch: at most one
     * batch (200 mails) a second, so that a spike's sign-ons get the processor first.
     */
    static final Duration SPIKE_PAUSE = Duration.ofSeconds(1);
    /** How often a resting relay looks whether the spike is over (the writer's saturation window). */
    private static final long SPIKE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS, r -> {
        Thread t = new Thread(r, "mail-sender");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private final Metrics metrics;
    private volatile boolean running;
    private final CountDownLatch closing = new CountDownLatch(1);

    private final BooleanSupplier signOnsWaiting;
    private final Duration spikePause;

    MailRelay(Outbox outbox, MailTransport transport, MailComposer composer, Duration retryBase, Metrics metrics,
              BooleanSupplier signOnsWaiting, Duration spikePause) {
        this.composer = composer;
        this.signOnsWaiting = signOnsWaiting;
        this.spikePause = spikePause;
        this.metrics = metrics;
        this.outbox = outbox;
        this.transport = transport;
        this.retryBase = retryBase;
        this.thread = new Thread(this::loop, "mail-relay");
        this.thread.setDaemon(true);
        outbox.onEnqueue(wake::release);
    }

    /**
     * signOnsWaiting: whether the single writer is saturated (sign-ons queue for it), so the relay should step back;
     * senderName: the display name in each mail's From header, asked as each mail leaves.
     */
    public static MailRelay create(Config.Mail mail, Outbox outbox, MailComposer composer, Metrics metrics, BooleanSupplier signOnsWaiting,
                                   java.util.function.Supplier<String> senderName) {
        EmailFactory emails = new EmailFactory(mail.from(), senderName);
        MailTransport transport = mail.smtp() == null
                ? new EmlFileTransport(mail.dir(), emails)
                : new SmtpTransport(mail.smtp(), emails);
        return new MailRelay(outbox, transport, composer, mail.retryBase(), metrics, signOnsWaiting, SPIKE_PAUSE);
    }

    public void start() {
        int requeued = outbox.requeueInterrupted();
        if (requeued > 0) log.info("Requeued {} mail(s) interrupted by the last stop", requeued);
        running = true;
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                if (drainOnce() == 0) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                } else {
                    restDuringSpike();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Mail relay error; retrying shortly", Scrubbed.of(e));
                sleepQuietly();
            }
        }
    }

    /**
     * After a batch, while sign-ons queue for the single writer (a spike): rest for
     * {@link #SPIKE_PAUSE}, or until the spike is over or the relay closes, whichever comes first.
     * Sending costs processor time that the sign-ons need; a spike's mails are not lost but mostly
     * sent after it, and the same processor time sends them either way. Mail never stops: a batch goes out after each rest,
     * however long the spike lasts.
     */
    private void restDuringSpike() throws InterruptedException {
        long until = System.nanoTime() + spikePause.toNanos();
        while (running && signOnsWaiting.getAsBoolean()) {
            long left = until - System.nanoTime();
            if (left <= 0 || closing.await(Math.min(left, SPIKE_CHECK_NANOS), TimeUnit.NANOSECONDS)) return;
        }
    }

    /**
     * Sends what is due now: claims a batch in one transaction (on PostgreSQL, a batch no other
     * instance is claiming), hands it to the mail server over {@link #CONNECTIONS} connections at
     * once, records the outcomes in one transaction. A crash in between leaves rows 'sending',
     * which are sent again (at least once): at the next start on SQLite, once their claim lapses
     * on PostgreSQL. A batch
     * still unsent half-way through its claim (MAIL_CLAIM_SECONDS) goes back to the queue: sent after
     * that, a mail might not be marked sent before the claim lapses and another instance takes it.
     *
     * <p>While sign-ons queue for the single writer (a spike), the batch goes over one connection
     * (and the relay then rests, {@link #restDuringSpike}): a confirmation late by the length of
     * the spike matters less than a sign-on kept waiting. Mail keeps flowing, and catches up after.
     */
    int drainOnce() {
        if (!running) return 0;
        Outbox.Claim claim = outbox.take(BATCH);
        List<QueuedMail> claimed = claim.mails();
        if (claimed.isEmpty()) return 0;
        // one recipient's mails go one after the other, in the order they were queued
        Map<String, List<QueuedMail>> byRecipient = claimed.stream()
                .collect(Collectors.groupingBy(QueuedMail::recipient, LinkedHashMap::new, Collectors.toList()));
        int lanes = signOnsWaiting.getAsBoolean() ? 1 : CONNECTIONS;
        List<List<QueuedMail>> perLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) perLane.add(new ArrayList<>());
        int next = 0;
        for (List<QueuedMail> mails : byRecipient.values()) perLane.get(next++ % lanes).addAll(mails);
        List<Callable<List<Outbox.Delivery>>> sends = perLane.stream().filter(lane -> !lane.isEmpty())
                .<Callable<List<Outbox.Delivery>>>map(lane -> () -> lane.stream().map(mail -> deliver(mail, claim)).toList()).toList();
        List<Outbox.Delivery> outcomes = new ArrayList<>(claimed.size());
        try {
            for (Future<List<Outbox.Delivery>> done : senders.invokeAll(sends)) outcomes.addAll(done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a mail send failed unexpectedly", e.getCause());
        } finally {
            if (!outcomes.isEmpty()) outbox.settle(claim, outcomes);
        }
        return claimed.size();
    }

    private Outbox.Delivery deliver(QueuedMail mail, Outbox.Claim claim) {
        // too late in the claim: once sent, it must be marked so before another instance may take it
        if (!outbox.sendable(claim)) return new Outbox.Delivery(mail.id(), Outbox.Delivery.Outcome.UNSENT, 0, null);
        int attempt = mail.attempts() + 1;
        QueuedMail ready;
        try {
            ready = mail.draft() == null ? mail : mail.rendered(composer.compose(outbox.draftOf(mail)));
        } catch (RuntimeException e) {
            // a draft no template of this version can render will not render at the next attempt either
            metrics.mailFailed(true);
            log.error("Mail {} given up: cannot render it", mail.id(), Scrubbed.of(e));
            return new Outbox.Delivery(mail.id(), Outbox.Delivery.Outcome.FAILED, 0, "cannot render the mail: " + e.getMessage());
        }
        try {
            transport.send(ready);
            metrics.mailSent();
            return new Outbox.Delivery(mail.id(), Outbox.Delivery.Outcome.SENT, 0, null);
        } catch (MailFailure failure) {
            boolean givenUp = failure.permanent() || attempt >= MAX_ATTEMPTS;
            metrics.mailFailed(givenUp);
            if (givenUp) {
                log.warn("Mail {} given up after {} attempt(s): {}", mail.id(), attempt, failure.getMessage());
                return new Outbox.Delivery(mail.id(), Outbox.Delivery.Outcome.FAILED, 0, failure.getMessage());
            }
            long delay = backoff(attempt);
            log.info("Mail {} not sent (attempt {}), retrying in {} ms: {}", mail.id(), attempt, delay, failure.getMessage());
            return new Outbox.Delivery(mail.id(), Outbox.Delivery.Outcome.RETRY, delay, failure.getMessage());
        }
    }

    long backoff(int attempt) {
        long delay = retryBase.toMillis() << Math.min(attempt - 1, 20);
        return Math.min(delay, MAX_DELAY.toMillis());
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        closing.countDown();
        wake.release();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdown();
        transport.close();
        if (thread.isAlive()) log.warn("Mail relay still busy after 15 s; its mail will be sent again at the next start");
        else log.info("Mail relay stopped");
    }
}
