package org.undersigned.webhook;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import org.undersigned.Config;
import org.undersigned.audit.Audit;
import org.undersigned.chores.Chores;
import org.undersigned.chores.Periodic;
import org.undersigned.db.Database;

/**
 * Signed webhooks: the queue that features write their events to ({@link #webhooks}), the relay
 * that sends them, the watch that announces petitions opening and closing, and /admin/webhooks.
 */
public final class WebhookFeature implements AutoCloseable {
    private final Webhooks webhooks;
    private final WebhookRelay relay;
    private final WebhookRoutes routes;
    private final PetitionWatch watch;

    public WebhookFeature(Database database, Audit audit, Config config, Clock clock) {
        EndpointAddress addresses = new EndpointAddress(config.integrations().webhooksAllowPrivate());
        this.webhooks = new Webhooks(database.writer(), clock);
        this.relay = new WebhookRelay(database, addresses, new Payloads(config.web().baseUrl()), clock);
        webhooks.onQueued(relay::wake);
        this.routes = new WebhookRoutes(new Endpoints(database, audit, clock), addresses);
        this.watch = new PetitionWatch(database, webhooks, clock);
    }

    /** Where features queue their events, inside their own transactions. */
    public Webhooks webhooks() {
        return webhooks;
    }

    public void register(RoutesConfig routesConfig) {
        routes.register(routesConfig);
    }

    /** Starts sending. */
    public void start() {
        relay.start();
    }

    /**
     * The chores, to be stopped before the chore turns: announcing petitions that opened or
     * closed, taking back lapsed claims, forgetting old deliveries.
     */
    public AutoCloseable startChores(Chores turns, Duration every, Duration logKept) {
        Periodic petitions = turns.every("webhook-petitions", every, watch::check);
        Periodic log = turns.every("webhook-log", every, () -> {
            relay.requeueLapsed();
            relay.forgetSettled(logKept);
        });
        return () -> {
            petitions.close();
            log.close();
        };
    }

    /** Stops sending, once the requests that queue deliveries have ended. */
    @Override
    public void close() {
        relay.close();
    }
}
