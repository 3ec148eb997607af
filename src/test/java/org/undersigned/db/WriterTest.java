package org.undersigned.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Wait;

@Tag("sqlite")
class WriterTest {
    @TempDir
    Path dir;

    @Test
    void work_waiting_together_commits_together_and_a_failing_piece_is_undone_alone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("w.db"))) {
            GroupCommitWriter writer = (GroupCommitWriter) db.writer();
            writer.run(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(1);
            Future<?> first = pool.submit(() -> writer.run(h -> {
                running.countDown();
                await(hold);
                h.execute("INSERT INTO t VALUES (-1)");
            }));
            running.await(); // the writer is busy with the first piece; the next 20 must all wait together
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                rest.add(pool.submit(() -> writer.run(h -> {
                    h.execute("INSERT INTO t VALUES (?)", n);
                    if (n % 2 == 1) throw new IllegalArgumentException("odd " + n);
                })));
            }
            Wait.until("20 pieces waiting", () -> writer.waiting() >= 20);
            long transactionsBefore = writer.stats().transactions();
            hold.countDown();
            first.get();
            int failures = 0;
            for (Future<?> f : rest) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("odd ");
                    failures++;
                }
            }
            assertThat(failures).isEqualTo(10);
            List<Integer> stored = db.reads().withHandle(h -> h.createQuery("SELECT n FROM t ORDER BY n").mapTo(Integer.class).list());
            assertThat(stored).containsExactly(-1, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
            assertThat(writer.stats().transactions() - transactionsBefore).as("the 20 waiting pieces went in one commit").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void after_commit_actions_run_only_for_work_that_committed() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("a.db"))) {
            List<String> ran = new ArrayList<>();
            db.writer().run(h -> db.writer().afterCommit(() -> ran.add("kept")));
            assertThatThrownBy(() -> db.writer().run(h -> {
                db.writer().afterCommit(() -> ran.add("rolled back"));
                throw new IllegalStateException("no");
            })).hasMessage("no");
            assertThat(ran).containsExactly("kept");
            assertThatThrownBy(() -> db.writer().afterCommit(() -> {})).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void statements_kept_open_between_writes_still_give_the_right_answers() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("c.db"))) {
            Writer writer = db.writer();
            writer.run(h -> h.execute("CREATE TABLE t (n INTEGER UNIQUE)"));
            java.util.Set<java.sql.Statement> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = 0; i < 200; i++) {
                int n = i;
                writer.run(h -> h.createUpdate("INSERT INTO t VALUES (:n)").bind("n", n)
                        .addCustomizer(new org.jdbi.v3.core.statement.StatementCustomizer() {
                            @Override
                            public void beforeExecution(java.sql.PreparedStatement stmt, org.jdbi.v3.core.statement.StatementContext ctx) {
                                used.add(stmt);
                            }
                        }).execute());
            }
            assertThat(used).as("the 200 inserts ran on one prepared statement").hasSize(1);
            // a statement that failed (duplicate) is usable again, and its failure undid nothing else
            assertThatThrownBy(() -> writer.run(h -> h.execute("INSERT INTO t VALUES (?)", 7))).hasMessageContaining("UNIQUE");
            writer.run(h -> h.execute("INSERT INTO t VALUES (?)", 200));
            // the same query run inside its own results, and one stopped after its first row
            List<String> pairs = writer.write(h -> {
                List<String> out = new ArrayList<>();
                try (var outer = h.createQuery("SELECT n FROM t WHERE n < :below ORDER BY n").bind("below", 3).mapTo(Integer.class).iterator()) {
                    while (outer.hasNext()) {
                        int n = outer.next();
                        int inner = h.createQuery("SELECT n FROM t WHERE n < :below ORDER BY n").bind("below", n + 1).mapTo(Integer.class).list().size();
                        out.add(n + ":" + inner);
                    }
                }
                out.add("first:" + h.createQuery("SELECT n FROM t ORDER BY n DESC").mapTo(Integer.class).first());
                return out;
            });
            assertThat(pairs).containsExactly("0:1", "1:2", "2:3", "first:200");
            assertThat(count(db)).isEqualTo(201);
            // and a write after the half-read query commits (no statement left running)
            writer.run(h -> h.execute("DELETE FROM t WHERE n >= ?", 100));
            assertThat(count(db)).isEqualTo(100);
        }
    }

    @Test
    void the_writer_counts_the_time_it_spends_in_transactions() {
        try (Database db = new Database("jdbc:sqlite:" + dir.resolve("s.db"))) {
            WriteStats stats = db.writer().stats();
            double before = stats.busySeconds();
            db.writer().run(h -> sleep(50));
            assertThat(stats.busySeconds() - before).as("at least the 50 ms of its work").isGreaterThanOrEqualTo(0.05);
        }
    }

    @Test
    void a_writer_busy_all_along_reads_as_saturated_and_an_idle_one_does_not() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        long window = WriteStats.SATURATION_WINDOW_NANOS;
        WriteStats stats = new WriteStats(now::get);
        now.addAndGet(window);
        assertThat(stats.saturated()).as("idle").isFalse();
        stats.busy(2 * window);
        now.addAndGet(2 * window);
        assertThat(stats.saturated()).as("busy for the whole window").isTrue();
        now.addAndGet(window / 2);
        assertThat(stats.saturated()).as("asked again within the window: the last answer holds").isTrue();
        now.addAndGet(window);
        assertThat(stats.saturated()).as("idle again").isFalse();
        stats.busy(window * 89 / 100);
        now.addAndGet(window);
        assertThat(stats.saturated()).as("busy 89 % of the window").isFalse();
        stats.busy(window * 9 / 10);
        now.addAndGet(window);
        assertThat(stats.saturated()).as("busy 90 % of the window").isTrue();
    }

    @Test
    void commits_that_group_many_sign_ons_read_as_saturated_and_single_ones_do_not() {
        AtomicLong now = new AtomicLong();
        WriteStats stats = new WriteStats(now::get);
        for (int i = 0; i < 10; i++) stats.committed(1);
        now.addAndGet(WriteStats.SATURATION_WINDOW_NANOS);
        assertThat(stats.saturated()).as("one piece per commit, hardly busy").isFalse();
        for (int i = 0; i < 10; i++) stats.committed(WriteStats.QUEUED_PER_COMMIT);
        now.addAndGet(WriteStats.SATURATION_WINDOW_NANOS);
        assertThat(stats.saturated()).as("eight pieces per commit: they queued").isTrue();
        for (int i = 0; i < 10; i++) stats.committed(WriteStats.QUEUED_PER_COMMIT - 1);
        now.addAndGet(WriteStats.SATURATION_WINDOW_NANOS);
        assertThat(stats.saturated()).as("seven pieces per commit").isFalse();
        for (int i = 0; i < 10; i++) stats.committed(20);
        now.addAndGet(WriteStats.SATURATION_WINDOW_NANOS);
        assertThat(stats.saturated()).isTrue();
        now.addAndGet(WriteStats.SATURATION_WINDOW_NANOS);
        assertThat(stats.saturated()).as("no commit since").isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Database db) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
