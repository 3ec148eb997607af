package org.undersigned.chores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.support.TestClock;
import org.undersigned.support.TestDatabase;

/** Instances sharing a database take each round of a chore in turn: never two at once, never the same round twice. */
class ChoreTurnsTest {
    private static final Duration EVERY = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void one_instance_takes_a_round_the_other_skips_it_and_the_next_round_is_due_an_interval_later() {
        TestClock wall = new TestClock();
        try (Database database = new Database(TestDatabase.url(dir.resolve("turns.db")))) {
            ChoreTurns a = new ChoreTurns(database, wall);
            ChoreTurns b = new ChoreTurns(database, wall);

            assertThat(a.take("digests", EVERY)).as("the first to ask").isTrue();
            assertThat(b.take("digests", EVERY)).as("while a holds the round").isFalse();
            assertThat(b.take("housekeeping", EVERY)).as("another chore is another turn").isTrue();
            a.done("digests", EVERY);
            assertThat(b.take("digests", EVERY)).as("the round just ran on a").isFalse();
            assertThat(a.take("digests", EVERY)).isFalse();

            wall.advance(EVERY);
            assertThat(b.take("digests", EVERY)).as("an interval later, whoever asks first").isTrue();
            assertThat(a.take("digests", EVERY)).isFalse();
            assertThat(rounds(database, "digests")).isEqualTo(2);
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("postgresql")
    void on_postgresql_a_round_held_by_an_instance_that_died_goes_to_another_at_once() {
        TestClock wall = new TestClock();
        try (Database database = new Database(TestDatabase.url(dir.resolve("death.db")))) {
            ChoreTurns died = new ChoreTurns(database, wall);
            ChoreTurns alive = new ChoreTurns(database, wall);
            assertThat(died.take("housekeeping", EVERY)).isTrue();
            assertThat(alive.take("housekeeping", EVERY)).as("while its holder lives").isFalse();

            died.close(); // its connections end, as when its process is killed
            assertThat(alive.take("housekeeping", EVERY)).as("its lock went with its connection").isTrue();
            alive.done("housekeeping", EVERY);
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("sqlite")
    void on_sqlite_a_round_left_held_goes_to_another_once_its_hold_lapses() {
        TestClock wall = new TestClock();
        try (Database database = new Database(TestDatabase.url(dir.resolve("lapse.db")))) {
            ChoreTurns died = new ChoreTurns(database, wall);
            ChoreTurns alive = new ChoreTurns(database, wall);
            assertThat(died.take("housekeeping", EVERY)).isTrue(); // and never says done

            wall.advance(EVERY.multipliedBy(2));
            assertThat(alive.take("housekeeping", EVERY)).as("still held: the round may be long").isFalse();
            wall.advance(ChoreTurns.HOLD);
            assertThat(alive.take("housekeeping", EVERY)).as("held past the interval and the hold").isTrue();
            died.done("housekeeping", EVERY); // a late word from the old holder changes nothing
            long heldUntil = database.reads().withHandle(h -> h.createQuery("SELECT held_until FROM chore_turns WHERE name = 'housekeeping'")
                    .mapTo(Long.class).one());
            assertThat(heldUntil).as("still held by the live instance").isGreaterThan(wall.millis());
        }
    }

    private static long rounds(Database database, String chore) {
        return database.reads().withHandle(h -> h.createQuery("SELECT rounds FROM chore_turns WHERE name = :name")
                .bind("name", chore).mapTo(Long.class).one());
    }
}
