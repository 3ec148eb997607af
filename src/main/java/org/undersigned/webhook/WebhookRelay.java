package org.undersigned.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;

/**
 * Sends the queued deliveries on its own thread: at least once (a delivery claimed by an instance
 * that died goes out again once its claim lapses), in order for each signature and endpoint (a
 * delivery waits while an earlier one of the same signature is unsettled), retried with
 * exponential backoff for a day, then marked failed. No redirects are followed and each attempt
 * has a short timeout: an endpoint cannot hold the relay, nor lead it elsewhere.
 */
final class WebhookRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);
    static final int BATCH = 20;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any attempt takes: after it, another instance may send the delivery again. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** Due and not waiting behind an unsettled earlier delivery of the same signature to the same endpoint. */
    private static final String DUE = """
            SELECT d.id FROM webhook_deliveries d
            WHERE d.status = 'queued' AND d.next_attempt_at <= :now
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                              WHERE e.endpoint_id = d.endpoint_id AND e.signature_id = d.signature_id AND e.id < d.id
                                AND e.status IN ('queued', 'sending'))
            ORDER BY d.id LIMIT :limit""";
    private static final String CLAIM_SQL = """
            UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1, claimed_until = :until
            WHERE id IN (%s) AND status = 'queued'
            RETURNING id, endpoint_id, event, petition_id, signature_id, body, attempts, created_at""";
    private final Database database;
    private final EndpointAddress addresses;
    private final Payloads payloads;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    private final Semaphore wake = new Semaphore(0);
    /** Attempts at once: one slow endpoint does not hold the others up. */
    private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-sender");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private volatile boolean running;

    WebhookRelay(Database database, EndpointAddress addresses, Payloads payloads, Clock clock) {
        this.database = database;
        this.addresses = addresses;
        this.payloads = payloads;
        this.clock = clock;
        this.thread = new Thread(this::loop, "webhook-relay");
        this.thread.setDaemon(true);
    }

    void start() {
        // on SQLite this instance is the only one: what it was sending when it stopped goes out again now
        if (database.dialect() == Dialect.SQLITE) {
            database.writer().run(h -> h.execute("UPDATE webhook_deliveries SET status = 'queued', claimed_until = NULL WHERE status = 'sending'"));
        }
        running = true;
        thread.start();
    }

    void wake() {
        wake.release();
    }

    /** Claims that lapsed: their instance died mid-delivery. */
    void requeueLapsed() {
        database.writer().run(h -> h.createUpdate("""
                        UPDATE webhook_deliveries SET status = 'queued', claimed_until = NULL
                        WHERE status = 'sending' AND claimed_until < :now""")
                .bind("now", clock.millis()).execute());
    }

    /** Settled deliveries older than the mail log's period go, with the personal data their bodies hold. */
    void forgetSettled(Duration kept) {
        database.writer().inPieces(500, h -> h.createUpdate("""
                        DELETE FROM webhook_deliveries WHERE id IN (
                            SELECT id FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND settled_at < :before LIMIT 500)""")
                .bind("before", clock.millis() - kept.toMillis()).execute());
    }

    private void loop() {
        while (running) {
            try {
                List<Claimed> batch = claim();
                if (batch.isEmpty()) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                    continue;
                }
                CompletableFuture.allOf(batch.stream().map(d -> CompletableFuture.runAsync(() -> deliver(d), senders)).toArray(CompletableFuture[]::new))
                        .join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("Webhook relay round failed; trying again shortly", e);
                sleepQuietly();
            }
        }
    }

    private List<Claimed> claim() {
        long now = clock.millis();
        String due = database.dialect() == Dialect.POSTGRESQL ? DUE + " FOR UPDATE SKIP LOCKED" : DUE;
        return database.writer().write(h -> h.createQuery(CLAIM_SQL.formatted(due))
                .bind("now", now).bind("limit", BATCH).bind("until", now + CLAIM.toMillis())
                .map((rs, c) -> {
                    long signature = rs.getLong("signature_id");
                    Long signatureId = rs.wasNull() ? null : signature;
                    return new Claimed(rs.getLong("id"), rs.getLong("endpoint_id"), null, null, rs.getString("event"),
                            rs.getLong("petition_id"), signatureId, rs.getString("body"), rs.getInt("attempts"), rs.getLong("created_at"));
                })
                .list())
                .stream().map(this::withEndpoint).toList();
    }

    /** The endpoint's address and secret, and the body made now if this is the first attempt. */
    private Claimed withEndpoint(Claimed d) {
        return database.reads().withHandle(h -> {
            var endpoint = h.createQuery("SELECT url, secret FROM webhook_endpoints WHERE id = :id").bind("id", d.endpointId())
                    .mapToMap().one();
            Claimed full = new Claimed(d.id(), d.endpointId(), (String) endpoint.get("url"), (String) endpoint.get("secret"), d.event(),
                    d.petitionId(), d.signatureId(), d.body(), d.attempts(), d.createdAt());
            return full.body().isEmpty() ? full.withBody(payloads.body(h, full)) : full;
        });
    }

    private void deliver(Claimed d) {
        Outcome outcome = attempt(d);
        long now = clock.millis();
        database.writer().run(h -> settle(h, d, outcome, now));
    }

    private record Outcome(Integer code, String error) {
        boolean delivered() {
            return code != null && code >= 200 && code < 300;
        }
    }

    private Outcome attempt(Claimed d) {
        if (addresses.problem(d.url()).isPresent()) return new Outcome(null, "refused: the address is not a public one");
        long timestamp = clock.millis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "undersigned-webhooks")
                .header("webhook-id", d.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(d.secret(), d.messageId(), timestamp, d.body()))
                .POST(HttpRequest.BodyPublishers.ofString(d.body())).build();
        try {
            int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(code, null);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out after " + TIMEOUT.toSeconds() + " s");
        } catch (java.io.IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    private void settle(Handle h, Claimed d, Outcome outcome, long now) {
        String error = outcome.error() == null ? null : outcome.error().substring(0, Math.min(outcome.error().length(), 300));
        if (outcome.delivered()) {
            h.createUpdate("""
                            UPDATE webhook_deliveries SET status = 'delivered', settled_at = :now, claimed_until = NULL, body = :body,
                                   response_code = :code, last_error = NULL
                            WHERE id = :id""")
                    .bind("now", now).bind("body", d.body()).bind("code", outcome.code()).bind("id", d.id()).execute();
            return;
        }
        boolean giveUp = now - d.createdAt() >= GIVE_UP_AFTER.toMillis();
        long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(20, Math.max(0, d.attempts() - 1)));
        h.createUpdate("""
                        UPDATE webhook_deliveries SET status = :status, settled_at = :settled, next_attempt_at = :next, claimed_until = NULL,
                               body = :body, response_code = :code, last_error = :error
                        WHERE id = :id""")
                .bind("status", giveUp ? "failed" : "queued").bind("settled", giveUp ? (Long) now : null).bind("next", now + delay)
                .bind("body", d.body()).bind("code", outcome.code()).bind("error", error).bind("id", d.id()).execute();
    }

    private static void sleepQuietly() {
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
            thread.join(TIMEOUT.toMillis() + 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }
}
