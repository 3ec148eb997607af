package org.undersigned.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class LogSyncerTest {
    @TempDir
    Path dir;

    /** The disk: a sync waits while the gate is shut. */
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    @Test
    void a_write_is_answered_only_once_its_commit_is_synced_and_the_writer_goes_on_meanwhile() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("d.db");
        try (Writer writer = writer(url, () -> await(gate.get()));
             Handle reader = Jdbi.create(url).open()) {
            writer.run(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            gate.set(new CountDownLatch(1));
            try {
                commitsWaitForTheirSync(writer, reader);
            } finally {
                gate.get().countDown(); // a failed check must not leave the writer's close waiting for the disk
            }
        }
    }

    private void commitsWaitForTheirSync(Writer writer, Handle reader) throws Exception {
        CompletableFuture<Integer> first = writer.submit(h -> h.execute("INSERT INTO t VALUES (1)"));
        awaitRows(reader, 1);
        Thread.sleep(200);
        assertThat(first).as("committed, its sync not done: not answered yet").isNotDone();

        // the writer is not held up by the sync: two more commits are made while it lasts
        CompletableFuture<Integer> second = writer.submit(h -> h.execute("INSERT INTO t VALUES (2)"));
        awaitRows(reader, 2);
        CompletableFuture<Integer> third = writer.submit(h -> h.execute("INSERT INTO t VALUES (3)"));
        awaitRows(reader, 3);
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();
        long commits = writer.stats().transactions();
        long syncs = writer.syncs();

        gate.get().countDown();
        CompletableFuture.allOf(first, second, third).get(5, TimeUnit.SECONDS);
        assertThat(writer.stats().transactions()).isEqualTo(commits);
        assertThat(writer.syncs() - syncs).as("the first commit's sync, then one for the two made while it lasted").isEqualTo(2);
    }

    @Test
    void a_write_whose_log_cannot_be_synced_is_not_answered_as_done() {
        String url = "jdbc:sqlite:" + dir.resolve("f.db");
        try (Writer writer = writer(url, () -> {
            throw new IOException("the disk is gone");
        })) {
            assertThatThrownBy(() -> writer.run(h -> h.execute("CREATE TABLE t (n INTEGER)")))
                    .hasMessageContaining("could not be synced to disk")
                    .hasRootCauseMessage("the disk is gone");
        }
    }

    @Test
    void an_after_commit_action_cannot_wait_for_a_write_but_can_hand_one_in() throws Exception {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("a.db"))) {
            Writer writer = db.writer();
            writer.run(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            AtomicReference<Throwable> waited = new AtomicReference<>();
            AtomicReference<CompletableFuture<Integer>> handedIn = new AtomicReference<>();
            writer.run(h -> writer.afterCommit(() -> {
                try {
                    writer.run(inner -> inner.execute("INSERT INTO t VALUES (1)"));
                } catch (IllegalStateException e) {
                    waited.set(e);
                }
                handedIn.set(writer.submit(inner -> inner.execute("INSERT INTO t VALUES (2)")));
            }));
            assertThat(waited.get()).hasMessageContaining("submit it instead");
            handedIn.get().get(5, TimeUnit.SECONDS);
            List<Integer> stored = db.reads().withHandle(h -> h.createQuery("SELECT n FROM t").mapTo(Integer.class).list());
            assertThat(stored).containsExactly(2);
        }
    }

    @Test
    void the_database_syncs_the_log_file_it_writes_and_a_missing_log_is_an_error() throws Exception {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("real.db"))) {
            long before = db.writer().syncs();
            db.writer().run(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            assertThat(db.writer().syncs()).isEqualTo(before + 1);
        }
        assertThatThrownBy(() -> LogSyncer.ofLog(dir.resolve("none.db").toString()).sync()).isInstanceOf(NoSuchFileException.class);
        LogSyncer.ofLog("").sync(); // a database in memory: no log, nothing to sync
    }

    private static Writer writer(String url, LogSyncer.Sync sync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return new Writer(Jdbi.create(url, config.toProperties()).open(), new LogSyncer(sync), () -> {});
    }

    private static void awaitRows(Handle reader, int rows) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reader.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one() < rows) {
            if (System.nanoTime() > until) throw new AssertionError("the commit of row " + rows + " never showed");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
