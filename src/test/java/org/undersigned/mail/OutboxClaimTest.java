package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.support.TestClock;
import org.undersigned.support.TestDatabase;

/** Each mail is claimed by one relay; a claim whose relay died lapses, and the mail goes out again (at least once). */
class OutboxClaimTest {
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void two_relays_on_one_outbox_take_each_mail_once() {
        TestClock clock = new TestClock();
        try (Database database = new Database(TestDatabase.url(dir.resolve("claims.db")))) {
            Outbox first = new Outbox(database, clock, LEASE);
            Outbox second = new Outbox(database, clock, LEASE);
            database.writer().run(h -> {
                for (int i = 0; i < 30; i++) first.enqueue(h, new Mail("to" + i + "@example.org", "Subject " + i, "text", "<p>html</p>", java.util.Map.of()));
            });

            List<QueuedMail> a = first.take(20).mails();
            List<QueuedMail> b = second.take(20).mails();
            List<QueuedMail> none = first.take(20).mails();

            assertThat(a).hasSize(20);
            assertThat(b).as("what the first left").hasSize(10);
            assertThat(none).isEmpty();
            Set<Long> ids = new HashSet<>();
            a.forEach(m -> ids.add(m.id()));
            b.forEach(m -> ids.add(m.id()));
            assertThat(ids).as("no mail in both batches").hasSize(30);
            assertThat(a.get(0).subject()).isEqualTo("Subject 0");
            assertThat(a.get(0).attempts()).as("attempts before this one, as the relay counts them").isZero();
        }
    }

    @Test
    void a_claim_lapses_after_its_lease_and_another_relay_sends_the_mail() {
        TestClock clock = new TestClock();
        try (Database database = new Database(TestDatabase.url(dir.resolve("lapse.db")))) {
            Outbox died = new Outbox(database, clock, LEASE);
            Outbox alive = new Outbox(database, clock, LEASE);
            database.writer().run(h -> died.enqueue(h, new Mail("late@example.org", "Confirm", "text", "<p>html</p>", java.util.Map.of())));
            assertThat(died.take(10).mails()).hasSize(1); // and its instance is killed before it sends

            assertThat(alive.requeueLapsed()).as("within the lease, the claim stands").isZero();
            assertThat(alive.take(10).mails()).isEmpty();
            clock.advance(LEASE.plusSeconds(1));
            assertThat(alive.requeueLapsed()).isEqualTo(1);
            List<QueuedMail> again = alive.take(10).mails();
            assertThat(again).extracting(QueuedMail::recipient).containsExactly("late@example.org");
            assertThat(again.get(0).attempts()).as("the lapsed attempt counts").isEqualTo(1);
        }
    }
}
