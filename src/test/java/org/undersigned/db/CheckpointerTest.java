package org.undersigned.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("sqlite")
class CheckpointerTest {
    /** A page in the write-ahead log: the page and its 24-byte frame header. */
    private static final long FRAME = 4096 + 24;

    @TempDir
    Path dir;

    @Test
    void committed_pages_reach_the_database_file_without_the_writer_checkpointing() throws Exception {
        Path file = dir.resolve("c.db");
        try (Database db = new Database("jdbc:sqlite:" + file)) {
            db.writer().run(h -> h.execute("CREATE TABLE filler (n INTEGER, b BLOB)"));
            long before = Files.size(file);
            for (int i = 0; i < 5; i++) insertPages(db, 40);
            // 200 pages: far below the 4,000 at which the writer would copy them itself
            long deadline = System.currentTimeMillis() + 10_000;
            while (Files.size(file) < before + 200 * 3000 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(Files.size(file)).as("the database file holds the rows, copied from the log").isGreaterThanOrEqualTo(before + 200 * 3000);
            assertThat(Files.size(Path.of(file + "-wal")) / FRAME).as("the log holds them too").isGreaterThanOrEqualTo(200);
            assertThat(rows(db)).isEqualTo(200);
        }
    }

    @Test
    void under_writes_that_never_pause_the_log_starts_again_instead_of_growing() throws Exception {
        Path file = dir.resolve("c.db");
        Path wal = Path.of(file + "-wal");
        try (Database db = new Database("jdbc:sqlite:" + file)) {
            db.writer().run(h -> h.execute("CREATE TABLE filler (n INTEGER, b BLOB)"));
            int writersPoint = db.writer().write(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
            assertThat(writersPoint).as("the writer's own checkpoint point").isEqualTo(Database.WRITER_CHECKPOINT_PAGES);
            long largest = 0;
            for (int i = 0; i < 120; i++) {
                insertPages(db, 100);
                largest = Math.max(largest, Files.size(wal));
            }
            // 12,000 pages went through the log, three times the point where the writer checkpoints.
            // It may overshoot that point by a few commits: the writer's checkpoint waits for no
            // one, and while the background one runs, it is tried again at the next commit.
            assertThat(rows(db)).isEqualTo(12_000);
            assertThat(largest / FRAME).as("pages the log grew to").isLessThan(2 * Database.WRITER_CHECKPOINT_PAGES);
            assertThat(db.walPages()).as("pages in the log at its last checkpoint").isLessThan(2 * Database.WRITER_CHECKPOINT_PAGES);
        }
        assertThat(wal).as("closing copies the rest and removes the log").doesNotExist();
        try (Database again = new Database("jdbc:sqlite:" + file)) {
            assertThat(rows(again)).isEqualTo(12_000);
            String integrity = again.reads().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
        }
    }

    /** One commit of {@code count} rows, each filling about a page. */
    private static void insertPages(Database db, int count) {
        db.writer().run(h -> {
            for (int i = 0; i < count; i++) h.execute("INSERT INTO filler VALUES (?, randomblob(3900))", i);
        });
    }

    private static long rows(Database db) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM filler").mapTo(Long.class).one());
    }
}
