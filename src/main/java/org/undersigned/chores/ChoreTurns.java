package org.undersigned.chores;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;

/**
 * Turns at the chores, kept in the database (chore_turns) so that instances sharing it take each
 * round once: the instance whose update finds the chore free and due runs the round, the others
 * skip it. A turn is held at most {@link #HOLD} past its interval: an instance that dies mid-round
 * leaves the chore to the others once that lapses. Times here are the wall clock, whatever clock
 * the application's business runs on, since they pace threads, not signatures.
 */
final class ChoreTurns implements Periodic.Turns {
    static final Duration HOLD = Duration.ofMinutes(15);
    private final Database database;
    private final Clock wall;
    private final String me = UUID.randomUUID().toString();

    ChoreTurns(Database database, Clock wall) {
        this.database = database;
        this.wall = wall;
        if (database.dialect() == Dialect.SQLITE) {
            // one instance per SQLite file: a turn still held was held by this server before a crash
            database.writer().run(h -> h.execute("UPDATE chore_turns SET held_until = 0"));
        }
    }

    @Override
    public boolean take(String chore, Duration every) {
        long now = wall.millis();
        return database.writer().write(h -> {
            h.createUpdate("INSERT INTO chore_turns (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").bind("name", chore).execute();
            return h.createUpdate("""
                            UPDATE chore_turns SET holder = :me, held_until = :until, rounds = rounds + 1
                            WHERE name = :name AND held_until < :now AND next_due_at <= :now""")
                    .bind("me", me).bind("until", now + every.toMillis() + HOLD.toMillis()).bind("name", chore).bind("now", now)
                    .execute() == 1;
        });
    }

    /**
     * The next round is due {@code every} from now, less a little: this instance's own scheduler
     * waits {@code every} after this, and must find the round due when it wakes.
     */
    @Override
    public void done(String chore, Duration every) {
        long next = wall.millis() + every.toMillis() - Math.min(every.toMillis() / 4, 1000);
        database.writer().run(h -> h.createUpdate("UPDATE chore_turns SET held_until = 0, next_due_at = :next WHERE name = :name AND holder = :me")
                .bind("next", next).bind("name", chore).bind("me", me).execute());
    }
}
