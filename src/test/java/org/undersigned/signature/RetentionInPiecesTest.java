package org.undersigned.signature;

import org.undersigned.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.db.Database;

/**
 * After a national-scale spike, housekeeping deletes and anonymises hundreds of thousands of rows.
 * It must get through all of them, touch nothing else, and do it in short writes so that sign-ons
 * are never held back for long; and it must not walk a campaign it has finished with again.
 */
class RetentionInPiecesTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final int PIECE = 100;

    @TempDir
    Path dir;
    private Database db;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final long now = clock.millis();
    private PendingSignatures retention;

    @BeforeEach
    void open() {
        db = new Database(TestDatabase.url(dir.resolve("r.db")));
        retention = new PendingSignatures(db, null, clock, Duration.ofDays(2), Duration.ofDays(60), PIECE);
        db.writer().run(h -> h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('c', 'en', 'I agree', 0)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void unconfirmed_signatures_past_their_time_go_in_short_writes_and_nothing_else_does() {
        long statement = petition("statement", "open", null);
        db.writer().run(h -> {
            for (int i = 0; i < 250; i++) signature(h, statement, "old-" + i, "pending", now - 61 * DAY + i);
            for (int i = 0; i < 3; i++) signature(h, statement, "fresh-" + i, "pending", now - 59 * DAY);
            for (int i = 0; i < 2; i++) signature(h, statement, "confirmed-" + i, "confirmed", now - 90 * DAY);
        });
        long writesBefore = db.writer().stats().transactions();

        assertThat(retention.purge()).isEqualTo(250);

        assertThat(db.writer().stats().transactions() - writesBefore).as("100 + 100 + 50, each its own commit").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM signatures WHERE email LIKE 'old-%'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM signatures")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM signature_tokens")).as("the tokens of the five kept").isEqualTo(5);
        assertThat(retention.purge()).isZero();
    }

    @Test
    void supporters_of_a_campaign_closed_long_ago_are_anonymised_in_pieces_and_the_campaign_is_not_walked_again() {
        long oldCampaign = petition("campaign", "closed", now - 200 * DAY);
        long recentCampaign = petition("campaign", "closed", now - 10 * DAY);
        long oldStatement = petition("statement", "closed", now - 200 * DAY);
        db.writer().run(h -> {
            // several share a second: the walk must neither skip nor repeat them
            for (int i = 0; i < 250; i++) signature(h, oldCampaign, "supporter-" + i, i % 10 == 0 ? "withdrawn" : "confirmed", now - 300 * DAY + i / 7);
            for (int i = 0; i < 4; i++) signature(h, recentCampaign, "recent-" + i, "confirmed", now - 100 * DAY);
            for (int i = 0; i < 3; i++) signature(h, oldStatement, "organisation-" + i, "confirmed", now - 300 * DAY);
        });
        long writesBefore = db.writer().stats().transactions();

        assertThat(retention.anonymise(Duration.ofDays(180))).isEqualTo(250);

        assertThat(db.writer().stats().transactions() - writesBefore).as("pieces of 100, 100 and 50").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM signatures WHERE petition_id = " + oldCampaign
                + " AND email = '' AND email_key IS NULL AND first_name IS NULL AND last_name IS NULL AND comment IS NULL")).isEqualTo(250);
        assertThat(count("SELECT COUNT(*) FROM signatures WHERE petition_id = " + oldCampaign + " AND status = 'confirmed'"))
                .as("the counts stay").isEqualTo(225);
        assertThat(count("SELECT COUNT(*) FROM signature_tokens t JOIN signatures s ON s.id = t.signature_id WHERE s.petition_id = " + oldCampaign)).isZero();
        assertThat(count("SELECT COUNT(*) FROM signatures WHERE email LIKE 'recent-%' OR email LIKE 'organisation-%'"))
                .as("a campaign closed recently and a statement's organisations keep their data").isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM signature_tokens")).isEqualTo(7);

        long writesAfter = db.writer().stats().transactions();
        assertThat(retention.anonymise(Duration.ofDays(180))).isZero();
        assertThat(db.writer().stats().transactions()).as("a finished campaign costs the writer nothing").isEqualTo(writesAfter);

        // reopened for a week, two more supporters, closed again long enough ago: they go too
        db.writer().run(h -> {
            h.execute("UPDATE petitions SET status = 'open', closed_at = NULL WHERE id = ?", oldCampaign);
            signature(h, oldCampaign, "late-1", "confirmed", now - 195 * DAY);
            signature(h, oldCampaign, "late-2", "pending", now - 195 * DAY);
            h.execute("UPDATE petitions SET status = 'closed', closed_at = ? WHERE id = ?", now - 190 * DAY, oldCampaign);
        });
        assertThat(retention.anonymise(Duration.ofDays(180))).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM signatures WHERE email LIKE 'late-%'")).isZero();
    }

    private long petition(String kind, String status, Long closedAt) {
        return db.writer().write(h -> h.createQuery("""
                        INSERT INTO petitions (kind, slug, title, body, status, created_at, updated_at, closed_at)
                        VALUES (:kind, :slug, 'Title', 'Body', :status, 0, 0, :closedAt)
                        RETURNING id""")
                .bind("kind", kind).bind("slug", kind + "-" + System.nanoTime()).bind("status", status).bind("closedAt", closedAt)
                .mapTo(Long.class).one());
    }

    private static void signature(Handle h, long petitionId, String name, String status, long createdAt) {
        long id = h.createQuery("""
                        INSERT INTO signatures (petition_id, status, email, email_key, first_name, last_name, comment, country, locale,
                                                consent_hash, created_at)
                        VALUES (:petition, :status, :email, :email, :name, 'Last', 'A comment', 'BE', 'en', 'c', :at)
                        RETURNING id""")
                .bind("petition", petitionId).bind("status", status).bind("email", name + "@example.org").bind("name", name)
                .bind("at", createdAt).mapTo(Long.class).one();
        h.execute("INSERT INTO signature_tokens (token_hash, signature_id, purpose, created_at) VALUES (?, ?, 'manage', ?)",
                "token-" + id, id, createdAt);
    }

    private long count(String sql) {
        return db.reads().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
