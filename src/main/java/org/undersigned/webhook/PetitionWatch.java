package org.undersigned.webhook;

import java.time.Clock;
import java.util.List;
import org.undersigned.db.Database;
import org.undersigned.petition.PetitionStatus;

/**
 * petition.opened and petition.closed, whether a coordinator changed the status or the petition's
 * own opening or closing time came: each round compares where each public petition stands with
 * what was last announced, and announces the change once (the announcement is recorded in the
 * same write, so a second instance's round finds nothing left to say).
 */
final class PetitionWatch {
    /** A petition whose standing differs from what was announced; known: it was announced before. */
    private record Standing(long id, boolean open, boolean known) {}

    private final Database database;
    private final Webhooks webhooks;
    private final Clock clock;

    PetitionWatch(Database database, Webhooks webhooks, Clock clock) {
        this.database = database;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    void check() {
        long now = clock.millis();
        List<Standing> changed = database.reads().withHandle(h -> h.createQuery("""
                        SELECT p.id, p.status, p.opens_at, p.closes_at, w.open AS announced
                        FROM petitions p LEFT JOIN webhook_petition_states w ON w.petition_id = p.id
                        WHERE p.status IN ('open', 'closed')""")
                .map((rs, c) -> {
                    long opens = rs.getLong("opens_at");
                    Long opensAt = rs.wasNull() ? null : opens;
                    long closes = rs.getLong("closes_at");
                    Long closesAt = rs.wasNull() ? null : closes;
                    PetitionStatus stored = PetitionStatus.of(rs.getString("status")).orElseThrow();
                    PetitionStatus standing = PetitionStatus.at(stored, opensAt, closesAt, now);
                    boolean open = standing == PetitionStatus.OPEN;
                    boolean announced = rs.getBoolean("announced");
                    boolean known = !rs.wasNull();
                    // a scheduled petition has nothing to announce yet; one first seen closed is recorded without a word
                    if (standing == PetitionStatus.SCHEDULED || known && announced == open) return null;
                    return new Standing(rs.getLong("id"), open, known);
                })
                .list().stream().filter(java.util.Objects::nonNull).toList());
        for (Standing s : changed) {
            database.writer().run(h -> {
                int moved = s.known()
                        ? h.createUpdate("UPDATE webhook_petition_states SET open = :open WHERE petition_id = :id AND open <> :open")
                                .bind("id", s.id()).bind("open", s.open()).execute()
                        : h.createUpdate("INSERT INTO webhook_petition_states (petition_id, open) VALUES (:id, :open) ON CONFLICT DO NOTHING")
                                .bind("id", s.id()).bind("open", s.open()).execute();
                if (moved == 1 && (s.known() || s.open())) {
                    webhooks.petition(s.open() ? WebhookEvent.PETITION_OPENED : WebhookEvent.PETITION_CLOSED, s.id());
                }
            });
        }
    }
}
