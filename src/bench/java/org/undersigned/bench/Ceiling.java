package org.undersigned.bench;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.undersigned.db.Database;
import org.undersigned.petition.DemoContent;

/**
 * The two ceilings a sign-on is measured against, on the same machine in the same run:
 * {@code noop PORT} serves a POST route that does nothing (Javalin as the app configures it,
 * minus the app); {@code inserts DBFILE SECONDS THREADS} runs the raw group-commit loop of the
 * two rows a sign-on writes (the signature and its outbox mail) through the app's own writer.
 */
public final class Ceiling {
    static final int WARM_UP_SECONDS = 15;

    private Ceiling() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "noop" -> noop(Integer.parseInt(args[1]));
            case "inserts" -> inserts(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("noop PORT | inserts DBFILE SECONDS THREADS");
        }
    }

    private static void noop(int port) {
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.port = port;
            cfg.routes.post("/noop", ctx -> ctx.result("ok"));
        }).start();
        System.out.println("ready");
    }

    private static void inserts(Path file, int seconds, int threads) throws InterruptedException {
        try (Database database = new Database("jdbc:sqlite:" + file)) {
            new DemoContent(database, Clock.systemUTC()).seed();
            database.writer().run(h -> h.execute("""
                    INSERT INTO consent_texts (hash, locale, text, created_at)
                    VALUES ('0000000000000000000000000000000000000000000000000000000000000000', 'en', 'bench', 0)"""));
            long petition = database.reads().withHandle(h -> h.createQuery("SELECT MIN(id) FROM petitions").mapTo(Long.class).one());
            LongAdder done = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (long i = 0; !stop.get(); i++) {
                        String email = "c" + thread + "-" + i + "@ceiling.example.org";
                        long now = System.currentTimeMillis();
                        database.writer().run(h -> {
                            h.createUpdate("""
                                    INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type,
                                                            contact_name, country, locale, consent_hash, created_at)
                                    VALUES (:p, 1, 'pending', :e, :e, 'Ceiling Org', 'ngo', 'Contact', 'BE', 'en',
                                            '0000000000000000000000000000000000000000000000000000000000000000', :now)""")
                                    .bind("p", petition).bind("e", email).bind("now", now).execute();
                            h.createUpdate("""
                                    INSERT INTO outbox (recipient, subject, text_body, html_body, headers, status, next_attempt_at, created_at)
                                    VALUES (:e, 'Please confirm', :text, :html, '', 'queued', :now, :now)""")
                                    .bind("e", email).bind("text", "x".repeat(900)).bind("html", "y".repeat(2500)).bind("now", now).execute();
                        });
                        done.increment();
                    }
                });
            }
            Thread.sleep(WARM_UP_SECONDS * 1000L); // the JIT first, like the server's warm-up
            long warmDone = done.sum();
            long warmCommits = database.writer().stats().transactions();
            long warmWrites = database.writer().stats().writes();
            start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("inserts/s %.0f commits %d writes %d%n", (done.sum() - warmDone) / elapsed,
                    database.writer().stats().transactions() - warmCommits, database.writer().stats().writes() - warmWrites);
        }
    }
}
