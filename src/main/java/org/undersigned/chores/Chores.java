package org.undersigned.chores;

import java.time.Clock;
import java.time.Duration;
import org.undersigned.db.Database;

/** Makes the periodic chores of an instance, each round taken in turn with the other instances on the same database. */
public final class Chores implements AutoCloseable {
    private final ChoreTurns turns;

    public Chores(Database database) {
        this.turns = new ChoreTurns(database, Clock.systemUTC());
    }

    /** Rounds {@code every} apart, each on one instance. */
    public Periodic every(String name, Duration every, Runnable chore) {
        return new Periodic(name, every, chore, false, turns);
    }

    /** As {@link Periodic#sparing}, each round on one instance. */
    public Periodic sparing(String name, Duration every, Runnable chore) {
        return new Periodic(name, every, chore, true, turns);
    }

    /** After the chores themselves: lets go of any round still held. */
    @Override
    public void close() {
        turns.close();
    }
}
