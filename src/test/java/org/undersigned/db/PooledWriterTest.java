package org.undersigned.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.TestDatabase;

/** PostgreSQL's writer: submitted work waiting together shares a transaction, and a failing piece fails alone. */
@Tag("postgresql")
class PooledWriterTest {
    private static final String ROW = "INSERT INTO consent_texts (hash, locale, text, created_at) VALUES (?, 'en', 'x', 0)";
    @TempDir
    Path dir;
    private String url;

    @AfterEach
    void release() {
        TestDatabase.release(url);
    }

    @Test
    void pieces_waiting_together_share_a_commit() throws Exception {
        url = TestDatabase.url(dir.resolve("w.db"));
        try (Database db = new Database(url)) {
            Writer writer = db.writer();
            CountDownLatch hold = new CountDownLatch(1);
            List<CompletableFuture<Void>> holders = holdEveryLane(writer, hold);
            long before = writer.stats().transactions();
            List<CompletableFuture<Object>> pieces = new ArrayList<>();
            for (int i = 0; i < 60; i++) pieces.add(writer.submit(insert(writer, "p" + i)));
            hold.countDown();
            for (CompletableFuture<?> piece : pieces) piece.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<?> holder : holders) holder.get(30, TimeUnit.SECONDS);

            assertThat(count(db, "p%")).isEqualTo(60);
            assertThat(count(db, "batched-p%")).isEqualTo(60);
            // the 60 waited behind the lanes' four and went in a few transactions, not one each
            assertThat(writer.stats().transactions() - before).isLessThanOrEqualTo(4 + 4 * 2);
        }
    }

    @Test
    void a_failing_piece_fails_alone_and_the_others_commit() throws Exception {
        url = TestDatabase.url(dir.resolve("w.db"));
        try (Database db = new Database(url)) {
            Writer writer = db.writer();
            CountDownLatch hold = new CountDownLatch(1);
            List<CompletableFuture<Void>> holders = holdEveryLane(writer, hold);
            Set<Integer> afterCommit = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Object>> pieces = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                pieces.add(writer.submit(h -> {
                    insert(writer, "p" + n).apply(h);
                    writer.afterCommit(() -> afterCommit.add(n));
                    if (n == 13) throw new IllegalArgumentException("piece 13 refuses");
                    if (n == 27) insert(writer, "p3").apply(h); // a key another piece holds: a unique violation
                    return null;
                }));
            }
            hold.countDown();
            for (CompletableFuture<?> holder : holders) holder.get(30, TimeUnit.SECONDS);
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                try {
                    pieces.get(i).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failed.add(i);
                    if (i == 13) assertThat(e.getCause()).hasMessage("piece 13 refuses");
                }
            }

            assertThat(failed).containsExactly(13, 27);
            assertThat(count(db, "p%")).isEqualTo(38);
            assertThat(count(db, "batched-p%")).isEqualTo(38);
            assertThat(count(db, "p13")).isZero();
            assertThat(count(db, "batched-p27")).isZero();
            assertThat(afterCommit).hasSize(38).doesNotContain(13, 27);
        }
    }

    /**
     * One piece of work per lane that waits for {@code hold}, handed in one after the other as each
     * starts (else one lane would take them all as one batch): whatever comes next queues behind them.
     */
    private static List<CompletableFuture<Void>> holdEveryLane(Writer writer, CountDownLatch hold) throws InterruptedException {
        List<CompletableFuture<Void>> holders = new ArrayList<>();
        for (int i = 0; i < PooledWriter.LANES; i++) {
            int n = i;
            CountDownLatch running = new CountDownLatch(1);
            holders.add(writer.submit(h -> {
                insert(writer, "holder" + n).apply(h);
                running.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertThat(running.await(30, TimeUnit.SECONDS)).as("lane " + (n + 1) + " holds a piece").isTrue();
        }
        return holders;
    }

    /** A row written at once and one batched for the commit. */
    private static Function<Handle, Object> insert(Writer writer, String key) {
        return h -> {
            h.execute(ROW, key);
            writer.batch(ROW, "batched-" + key);
            return null;
        };
    }

    private static long count(Database db, String pattern) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM consent_texts WHERE hash LIKE :p")
                .bind("p", pattern).mapTo(Long.class).one());
    }
}
