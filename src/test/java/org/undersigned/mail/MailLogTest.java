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

    private static void row(org.jdbi.v3.core.Handle h, String recipient, String status, long at) {
        h.execute("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, status, next_attempt_at, created_at, sent_at)
                VALUES (?, 'Subject', '', '', ?, ?, ?, ?)""", recipient, status, at, at, status.equals("sent") ? at : null);
    }
}
