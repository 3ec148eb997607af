package org.undersigned.mail;

import org.undersigned.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;
import org.undersigned.support.TestClock;

/** The outbox keeps a log of what went out, with each recipient's address, for a while and no longer. */
class MailLogTest {
    private static final long DAY = Duration.ofDays(1).toMillis();

    @TempDir
    Path dir;

    @Test
    void mail_handed_off_or_given_up_long_ago_is_forgotten_in_pieces_and_mail_still_waiting_never_is() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
        long now = clock.millis();
        try (Database db = new Database(TestDatabase.url(dir.resolve("log.db")))) {
            db.writer().run(h -> {
                for (int i = 0; i < 230; i++) row(h, "sent-" + i + "@example.org", "sent", now - 31 * DAY);
                row(h, "failed@example.org", "failed", now - 40 * DAY);
                row(h, "recent@example.org", "sent", now - 29 * DAY);
                row(h, "waiting@example.org", "queued", now - 45 * DAY);
                row(h, "retrying@example.org", "sending", now - 45 * DAY);
            });
            long writesBefore = db.writer().stats().transactions();

            int forgotten = new Outbox(db, clock).forgetSettled(Duration.ofDays(30), 100);

            assertThat(forgotten).isEqualTo(231);
            assertThat(db.writer().stats().transactions() - writesBefore).as("100 + 100 + 31, each its own commit").isEqualTo(3);
            java.util.List<String> kept = db.reads().withHandle(h -> h.createQuery("SELECT recipient FROM outbox ORDER BY recipient")
                    .mapTo(String.class).list());
            assertThat(kept).containsExactly("recent@example.org", "retrying@example.org", "waiting@example.org");
        }
    }

    @Test
    void the_log_keeps_a_mail_for_its_days_counted_from_when_it_was_sent_or_given_up() {
        TestClock clock = new TestClock();
        try (Database db = new Database(TestDatabase.url(dir.resolve("log.db")))) {
            Outbox outbox = new Outbox(db, clock);
            queue(db, outbox, "prompt@example.org");
            settle(outbox, recipient -> Outbox.Delivery.Outcome.SENT);
            // queued before an outage of 40 days, then given up (or sent) at its end: settled now, not 40 days ago
            queue(db, outbox, "given-up@example.org");
            queue(db, outbox, "late@example.org");
            clock.advance(Duration.ofDays(40));
            settle(outbox, recipient -> recipient.startsWith("given-up") ? Outbox.Delivery.Outcome.FAILED : Outbox.Delivery.Outcome.SENT);

            outbox.forgetSettled(Duration.ofDays(30));
            assertThat(recipients(db)).as("the late ones settled just now").containsExactly("given-up@example.org", "late@example.org");

            clock.advance(Duration.ofDays(30).minusMinutes(1));
            outbox.forgetSettled(Duration.ofDays(30));
            assertThat(recipients(db)).as("a minute before their 30 days are up").containsExactly("given-up@example.org", "late@example.org");

            clock.advance(Duration.ofMinutes(2));
            outbox.forgetSettled(Duration.ofDays(30));
            assertThat(recipients(db)).as("a minute after").isEmpty();
        }
    }

    private static void queue(Database db, Outbox outbox, String recipient) {
        db.writer().run(h -> outbox.enqueue(h, new org.undersigned.mail.Mail(recipient, "Subject", "Text", "<p>Text</p>", java.util.Map.of())));
    }

    /** Claims what is due and records each as having gone the way its recipient says, as the relay does. */
    private static void settle(Outbox outbox, java.util.function.Function<String, Outbox.Delivery.Outcome> outcome) {
        Outbox.Claim claim = outbox.take(100);
        outbox.settle(claim, claim.mails().stream().map(m -> new Outbox.Delivery(m.id(), outcome.apply(m.recipient()), 0, "refused")).toList());
    }

    private static java.util.List<String> recipients(Database db) {
        return db.reads().withHandle(h -> h.createQuery("SELECT recipient FROM outbox ORDER BY recipient").mapTo(String.class).list());
    }

    private static void row(org.jdbi.v3.core.Handle h, String recipient, String status, long at) {
        h.execute("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, status, next_attempt_at, created_at, sent_at, settled_at)
                VALUES (?, 'Subject', '', '', ?, ?, ?, ?, ?)""", recipient, status, at, at, status.equals("sent") ? at : null,
                status.equals("sent") || status.equals("failed") ? at : null);
    }
}
