package org.undersigned.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.undersigned.db.Database;
import org.undersigned.mail.Outbox;
import org.undersigned.web.ClientAddress;

/**
 * /healthz for load balancers and /metrics for Prometheus. Metrics, and the health check's
 * details, are read with the bearer token from METRICS_TOKEN; without one configured, only by a
 * direct request from this machine (nothing relayed through a proxy). Anyone else gets a 404 for
 * metrics and only {@code ok} or {@code unavailable} from the health check: how much mail waits
 * tells an outsider how a campaign goes.
 */
public final class OperationsRoutes {
    /** Mail overdue by more than this is reported on /healthz (the status stays 200: the site still works). */
    private static final Duration MAIL_DELAYED = Duration.ofMinutes(15);
    /** /healthz counts waiting mail up to here ("10000+"): polled every few seconds, it stays cheap after a spike. */
    private static final long HEALTH_COUNT_CAP = 10_000;
    private final Database database;
    private final Outbox outbox;
    private final Metrics metrics;
    private final String token;

    public OperationsRoutes(Database database, Outbox outbox, Metrics metrics, String token) {
        this.database = database;
        this.outbox = outbox;
        this.metrics = metrics;
        this.token = token;
        metrics.gauge("undersigned_outbox_depth", "Mails waiting to be handed to the mail server", outbox::depth);
        metrics.gauge("undersigned_outbox_lag_seconds", "How long the most overdue waiting mail has waited past its due time",
                () -> outbox.lag().toMillis() / 1000.0);
        metrics.counter("undersigned_db_commits_total", "Write transactions committed (each one fsync)",
                () -> database.writer().stats().transactions());
        metrics.counter("undersigned_db_writes_total", "Pieces of write work grouped into those commits",
                () -> database.writer().stats().writes());
        metrics.counter("undersigned_db_writer_busy_seconds_total", "Time the single writer spent in transactions, fsync included",
                () -> database.writer().stats().busySeconds());
        metrics.gauge("undersigned_db_wal_pages", "Pages in the write-ahead log at its last checkpoint (it starts again from zero once all are copied)",
                database::walPages);
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", this::health);
        routes.get("/metrics", this::metrics);
    }

    /** For the request logger: every answered request goes into the latency histogram. */
    public void observe(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path : ctx.status().getCode() == 404 ? "unmatched" : "static";
        metrics.request(ctx.method().name(), route, ctx.status().getCode(), millis / 1000.0);
    }

    private void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        boolean detailed = allowed(ctx);
        if (!database.answers()) {
            ctx.status(503).result(detailed ? "unavailable\ndatabase: not answering\n" : "unavailable\n");
            return;
        }
        if (!detailed) {
            ctx.result("ok\n");
            return;
        }
        long waiting = outbox.depthUpTo(HEALTH_COUNT_CAP + 1);
        Duration lag = outbox.lag();
        String mail = lag.compareTo(MAIL_DELAYED) > 0 ? "mail delayed" : "mail flowing";
        String count = waiting > HEALTH_COUNT_CAP ? HEALTH_COUNT_CAP + "+" : String.valueOf(waiting);
        ctx.result("ok\ndatabase: ok\noutbox: " + count + " waiting, oldest " + lag.toSeconds() + " s (" + mail + ")\n");
    }

    private void metrics(Context ctx) throws IOException {
        if (!allowed(ctx)) {
            ctx.status(404).result("Not found");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        metrics.write(out);
        ctx.header("Cache-Control", "no-store").contentType(metrics.contentType()).result(out.toByteArray());
    }

    private boolean allowed(Context ctx) {
        if (token != null) {
            String given = ctx.header("Authorization");
            return given != null && MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8));
        }
        return ClientAddress.fromThisMachine(ctx);
    }
}
