package org.undersigned.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"'@]+");
    private static final Duration MAX_DELAY = Duration.ofHours(6);
    private final Outbox outbox;
    private final MailTransport transport;
    private final Duration retryBase;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final Metrics metrics;
    private volatile boolean running;

    private MailRelay(Outbox outbox, MailTransport transport, Duration retryBase, Metrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.transport = transport;
        this.retryBase = retryBase;
        this.thread = new Thread(this::loop, "mail-relay");
        this.thread.setDaemon(true);
        outbox.onEnqueue(wake::release);
    }

    public static MailRelay create(Config config, Outbox outbox, Metrics metrics) {
        EmailFactory emails = new EmailFactory(config.mailFrom());
        MailTransport transport = config.smtp() == null
                ? new EmlFileTransport(config.mailDir(), emails)
                : new SmtpTransport(config.smtp(), emails);
        return new MailRelay(outbox, transport, config.mailRetryBase(), metrics);
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
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Mail relay error; retrying shortly", e);
                sleepQuietly();
            }
        }
    }

    /** Sends what is due now; returns how many rows it handled. */
    int drainOnce() {
        List<QueuedMail> due = outbox.due(50);
        for (QueuedMail mail : due) {
            if (!running) break;
            if (!outbox.claim(mail.id())) continue;
            deliver(mail);
        }
        return due.size();
    }

    private void deliver(QueuedMail mail) {
        int attempt = mail.attempts() + 1;
        try {
            transport.send(mail);
            outbox.markSent(mail.id());
            metrics.mailSent();
        } catch (MailFailure failure) {
            metrics.mailFailed(failure.permanent() || attempt >= MAX_ATTEMPTS);
            if (failure.permanent() || attempt >= MAX_ATTEMPTS) {
                log.warn("Mail {} given up after {} attempt(s): {}", mail.id(), attempt, redacted(failure.getMessage()));
                outbox.markFailed(mail.id(), failure.getMessage());
            } else {
                long delay = backoff(attempt);
                log.info("Mail {} not sent (attempt {}), retrying in {} ms: {}", mail.id(), attempt, delay, redacted(failure.getMessage()));
                outbox.reschedule(mail.id(), delay, failure.getMessage());
            }
        }
    }

    /** Mail servers name the recipient in their refusals; addresses stay out of the log. */
    static String redacted(String message) {
        return message == null ? "" : EMAIL.matcher(message).replaceAll("<address>");
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
        wake.release();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
        if (thread.isAlive()) log.warn("Mail relay still busy after 15 s; its mail will be sent again at the next start");
        else log.info("Mail relay stopped");
    }
}
