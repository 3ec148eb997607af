package org.undersigned.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;

/**
 * Coordinators' webhook endpoints: an admin's may hear every petition, a coordinator's hear one
 * petition they manage. Each coordinator sees and removes the endpoints within their reach; the
 * secret is shown once, when the endpoint is made.
 */
final class Endpoints {
    /** Within reach: an admin reaches all; a coordinator those on petitions assigned to them. */
    private static final String REACH = """
            (:admin OR e.petition_id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :me))""";
    private final Database database;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Endpoints(Database database, Audit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new endpoint; the returned secret is shown once. */
    String create(Coordinator me, String url, List<WebhookEvent> events, Long petitionId) {
        String secret = WebhookSigner.newSecret(random);
        database.writer().run(h -> {
            long id = h.createQuery("""
                            INSERT INTO webhook_endpoints (url, secret, petition_id, coordinator_id, created_at)
                            VALUES (:url, :secret, :petition, :me, :now) RETURNING id""")
                    .bind("url", url).bind("secret", secret).bind("petition", petitionId).bind("me", me.id()).bind("now", clock.millis())
                    .mapTo(Long.class).one();
            for (WebhookEvent event : events) {
                h.execute("INSERT INTO webhook_subscriptions (endpoint_id, event) VALUES (?, ?)", id, event.code());
            }
            audit.record(h, me.id(), me.email(), "webhook_create", "#" + id + " " + url,
                    events.stream().map(WebhookEvent::code).collect(Collectors.joining(" ")));
        });
        return secret;
    }

    List<Endpoint> within(Coordinator me) {
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT e.id, e.url, e.petition_id, e.created_at, p.kind, p.slug, c.email AS created_by,
                               (SELECT %s FROM webhook_subscriptions s WHERE s.endpoint_id = e.id) AS events
                        FROM webhook_endpoints e LEFT JOIN petitions p ON p.id = e.petition_id
                             LEFT JOIN coordinators c ON c.id = e.coordinator_id
                        WHERE %s
                        ORDER BY e.id DESC""".formatted(events(), REACH))
                .bind("admin", me.isAdmin()).bind("me", me.id())
                .map((rs, c) -> {
                    long petition = rs.getLong("petition_id");
                    boolean all = rs.wasNull();
                    return new Endpoint(rs.getLong("id"), rs.getString("url"), parse(rs.getString("events")), all ? null : petition,
                            all ? null : path(rs), rs.getString("created_by"),
                            rs.getLong("created_at"));
                })
                .list());
    }

    Optional<Endpoint> one(Coordinator me, long id) {
        return within(me).stream().filter(e -> e.id() == id).findFirst();
    }

    /** Removes an endpoint within reach, and its log; false when there is none. */
    boolean remove(Coordinator me, long id) {
        Optional<Endpoint> endpoint = one(me, id);
        if (endpoint.isEmpty()) return false;
        database.writer().run(h -> {
            h.execute("DELETE FROM webhook_endpoints WHERE id = ?", id);
            audit.record(h, me.id(), me.email(), "webhook_remove", "#" + id + " " + endpoint.get().url(), "");
        });
        return true;
    }

    /** The endpoint's newest deliveries. */
    List<Delivery> log(long endpointId, int limit) {
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT d.id, d.event, d.status, d.attempts, d.created_at, d.next_attempt_at, d.settled_at, d.response_code, d.last_error,
                               d.signature_id, p.kind, p.slug
                        FROM webhook_deliveries d LEFT JOIN petitions p ON p.id = d.petition_id
                        WHERE d.endpoint_id = :endpoint ORDER BY d.id DESC LIMIT :limit""")
                .bind("endpoint", endpointId).bind("limit", limit)
                .map((rs, c) -> {
                    long signature = rs.getLong("signature_id");
                    String target = rs.wasNull() ? path(rs) : path(rs) + " #" + signature;
                    String status = rs.getString("status");
                    long next = rs.getLong("next_attempt_at");
                    long settled = rs.getLong("settled_at");
                    Long settledAt = rs.wasNull() ? null : settled;
                    int code = rs.getInt("response_code");
                    Integer responseCode = rs.wasNull() ? null : code;
                    return new Delivery(rs.getLong("id"), rs.getString("event"), target, status, rs.getInt("attempts"),
                            rs.getLong("created_at"), status.equals("queued") ? next : null, settledAt, responseCode, rs.getString("last_error"));
                })
                .list());
    }

    /** Sends a settled delivery again, with its id and body as they were; false when there is none to replay. */
    boolean replay(Coordinator me, long endpointId, long deliveryId) {
        if (one(me, endpointId).isEmpty()) return false;
        return database.writer().write(h -> {
            int again = h.createUpdate("""
                            UPDATE webhook_deliveries SET status = 'queued', next_attempt_at = :now, settled_at = NULL, attempts = 0,
                                   created_at = :now
                            WHERE id = :id AND endpoint_id = :endpoint AND status IN ('delivered', 'failed')""")
                    .bind("now", clock.millis()).bind("id", deliveryId).bind("endpoint", endpointId).execute();
            if (again == 1) audit.record(h, me.id(), me.email(), "webhook_replay", "#" + endpointId + " " + Delivery.messageId(deliveryId), "");
            return again == 1;
        });
    }

    /** The petitions this coordinator may limit an endpoint to. */
    List<PetitionChoice> petitions(Coordinator me) {
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT id, kind, slug, title FROM petitions p
                        WHERE :admin OR id IN (SELECT petition_id FROM petition_coordinators WHERE coordinator_id = :me)
                        ORDER BY created_at DESC, id DESC""")
                .bind("admin", me.isAdmin()).bind("me", me.id())
                .map((rs, c) -> new PetitionChoice(rs.getLong("id"), rs.getString("kind"), rs.getString("slug"), rs.getString("title")))
                .list());
    }

    /** The petition's page, from the row's kind and slug. */
    private static String path(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Kind.of(rs.getString("kind")).orElseThrow().path(rs.getString("slug"));
    }

    private String events() {
        return database.dialect() == org.undersigned.db.Dialect.POSTGRESQL ? "string_agg(s.event, ' ')" : "group_concat(s.event, ' ')";
    }

    private static List<WebhookEvent> parse(String events) {
        if (events == null) return List.of();
        return Arrays.stream(events.split(" ")).map(WebhookEvent::of).flatMap(Optional::stream).sorted().toList();
    }

}
