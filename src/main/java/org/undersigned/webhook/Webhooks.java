package org.undersigned.webhook;

import java.sql.SQLException;
import java.time.Clock;
import org.undersigned.db.Writer;

/**
 * The durable queue of webhook deliveries, written inside the transaction of what caused them (as
 * the outbox is for mail): a crash loses none, a rollback sends none. One delivery per endpoint
 * that listens to the event, in one statement, which finds no endpoint and writes nothing on a site
 * without webhooks. The body is made when the delivery is first sent, so the queue holds no
 * personal data of its own.
 */
public final class Webhooks {
    private static final String FAN_OUT = """
            INSERT INTO webhook_deliveries (endpoint_id, event, petition_id, signature_id, body, status, next_attempt_at, created_at)
            SELECT e.id, ?, ?, ?, '', 'queued', ?, ?
            FROM webhook_subscriptions s JOIN webhook_endpoints e ON e.id = s.endpoint_id
            WHERE s.event = ? AND (e.petition_id IS NULL OR e.petition_id = ?)""";
    private final Writer writer;
    private final Clock clock;
    private volatile Runnable onQueued = () -> {};

    public Webhooks(Writer writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** Inside a write: this signature's event, for every endpoint that hears it. */
    public void signature(WebhookEvent event, long petitionId, long signatureId) {
        queue(event, petitionId, signatureId);
    }

    /** Inside a write: this petition's event, for every endpoint that hears it. */
    public void petition(WebhookEvent event, long petitionId) {
        queue(event, petitionId, null);
    }

    private void queue(WebhookEvent event, long petitionId, Long signatureId) {
        long now = clock.millis();
        try {
            int queued = writer.statement(FAN_OUT, event.code(), petitionId, signatureId, now, now, event.code(), petitionId).executeUpdate();
            if (queued > 0) writer.afterCommit(onQueued);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue the webhook deliveries", e);
        }
    }

    /** Who hears of new deliveries once they are committed: the relay, to send them at once. */
    void onQueued(Runnable relay) {
        this.onQueued = relay;
    }
}
