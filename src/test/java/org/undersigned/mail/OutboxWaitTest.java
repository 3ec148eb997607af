package org.undersigned.mail;

import org.undersigned.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;

/** What /healthz and /metrics say about waiting mail: how much, and how late the most overdue of it is. */
class OutboxWaitTest {
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @TempDir
    Path dir;

    @Test
    void the_lag_is_how_long_the_most_overdue_mail_has_waited_and_a_retry_in_its_backoff_is_not_late() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
        long now = clock.millis();
        try (Database db = new Database(TestDatabase.url(dir.resolve("wait.db")))) {
            Outbox outbox = new Outbox(db, clock);
            db.writer().run(h -> {
                row(h, "retry@example.org", "queued", now - 300 * MINUTE, now + 10 * MINUTE); // queued 5 h ago, tried again in 10 min
                row(h, "handed-off@example.org", "sent", now - 600 * MINUTE, now - 600 * MINUTE);
            });
            assertThat(outbox.lag()).as("only a retry waiting out its backoff").isZero();

            db.writer().run(h -> row(h, "in-flight@example.org", "sending", now - 3 * MINUTE, now - 3 * MINUTE));
            assertThat(outbox.lag()).as("a mail being handed off, due 3 min ago").isEqualTo(Duration.ofMinutes(3));

            db.writer().run(h -> row(h, "new@example.org", "queued", now - 20 * MINUTE, now - 20 * MINUTE));
            assertThat(outbox.lag()).as("a new mail queued 20 min ago").isEqualTo(Duration.ofMinutes(20));

            assertThat(outbox.depth()).as("queued and being sent, not the sent one").isEqualTo(3);
            assertThat(outbox.depthUpTo(2)).isEqualTo(2);
        }
    }

    /** /healthz is polled every few seconds, also with a million mails waiting after a spike. */
    @Test
    @Tag("sqlite") // SQLite's query plans
    void the_health_checks_figures_do_not_read_the_whole_queue() throws NoSuchMethodException {
        try (Database db = new Database(TestDatabase.url(dir.resolve("plan.db")))) {
            for (String query : List.of(sql("earliestDue"), sql("depthUpTo", long.class).replace(":cap", "10001"))) {
                List<String> plan = db.reads().withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN " + query)
                        .map((rs, ctx) -> rs.getString("detail")).list());
                assertThat(plan).as(query).anyMatch(step -> step.contains("COVERING INDEX outbox_due"))
                        .noneMatch(step -> step.startsWith("SCAN outbox"));
            }
        }
    }

    /** After a spike the outbox holds a million rows; a batch of 200 is found by id, never by a pass over them. */
    @Test
    @Tag("sqlite") // SQLite's query plans
    void claiming_and_settling_a_batch_find_its_mails_by_id() {
        try (Database db = new Database(TestDatabase.url(dir.resolve("plan.db")))) {
            for (String statement : List.of(Outbox.CLAIM, Outbox.SENT)) {
                List<String> plan = db.reads().withHandle(h -> {
                    var explain = h.createQuery("EXPLAIN QUERY PLAN " + statement);
                    for (int i = 0; i < statement.chars().filter(c -> c == '?').count(); i++) explain.bind(i, "[1,2]");
                    return explain.map((rs, ctx) -> rs.getString("detail")).list();
                });
                assertThat(plan).as(statement).anyMatch(step -> step.startsWith("SEARCH outbox USING INTEGER PRIMARY KEY"))
                        .noneMatch(step -> step.startsWith("SCAN outbox"));
            }
        }
    }

    private static String sql(String method, Class<?>... parameters) throws NoSuchMethodException {
        return OutboxDao.class.getDeclaredMethod(method, parameters).getAnnotation(SqlQuery.class).value();
    }

    private static void row(Handle h, String recipient, String status, long createdAt, long dueAt) {
        h.execute("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, status, next_attempt_at, created_at)
                VALUES (?, 'Subject', '', '', ?, ?, ?)""", recipient, status, dueAt, createdAt);
    }
}
