package org.undersigned.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** Phases 3 and 4: the page of a statement with 10,000 signatories, its JSON and ETag, and the page while sign-ons stream in. */
final class PagePhases {
    private final Bench bench;

    PagePhases(Bench bench) {
        this.bench = bench;
    }

    // 3. the page of a statement with 10,000 confirmed signatories, and its JSON
    static void confirmTenThousand(Path data) throws Exception {
        confirmTenThousand(Server.sqliteUrl(data));
    }

    /** On either database, servers running or not (their pages follow public_version, which the inserts move). */
    static void confirmTenThousand(String databaseUrl) throws Exception {
        try (Connection db = open(databaseUrl)) {
            // phase 2c's confirmations go back to pending, so that the page has exactly its 10,000
            db.createStatement().executeUpdate("UPDATE signatures SET status = 'pending', confirmed_at = NULL WHERE status = 'confirmed'");
            db.createStatement().executeUpdate("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
                    INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type, contact_name,
                                            country, locale, consent_hash, created_at, confirmed_at, moderation)
                    SELECT p.id, 1, 'confirmed', 'listed-' || i || '@bench.example.org', 'listed-' || i || '@bench.example.org',
                           'Listed Organisation ' || i, 'ngo', 'Contact', substr('BEFRDEITESNLPTPLSEATIEGRCZHU', 1 + 2 * (i % 14), 2), 'en',
                           (SELECT hash FROM consent_texts LIMIT 1), 1700000000000 + i, 1700000000000 + i, 'none'
                    FROM n, petitions p WHERE p.slug = 'regularisation-now'""");
            ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM signatures WHERE status = 'confirmed'");
            count.next();
            if (count.getInt(1) != 10_000) throw new IllegalStateException(count.getInt(1) + " confirmed signatories instead of 10,000");
        }
    }

    /** The bench's own connection; on SQLite it waits for a running server's writer instead of failing. */
    static Connection open(String databaseUrl) throws SQLException {
        Connection db = DriverManager.getConnection(databaseUrl);
        if (databaseUrl.startsWith("jdbc:sqlite:")) db.createStatement().execute("PRAGMA busy_timeout = 30000");
        return db;
    }

    void pages(Server server, int seconds) throws Exception {
        String json = bench.get(server.base() + "/api/v1/statements/regularisation-now");
        if (!json.contains("\"signatureCount\":10000")) throw new IllegalStateException("the statement does not show 10,000: " + json.substring(0, 200));
        HttpResponse<byte[]> zipped = bench.http().send(HttpRequest.newBuilder(URI.create(server.base() + Bench.STATEMENT)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String page = bench.get(server.base() + Bench.STATEMENT);
        Path lua = bench.script("page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
        Wrk p = bench.wrk(64, seconds, lua, server.base() + Bench.STATEMENT);
        bench.figure("3a. statement page, 10,000 signatories, 64 connections", p.summary());
        bench.figure("    page size plain / gzipped", String.format("%d KB / %d KB", page.length() / 1024, zipped.body().length / 1024));
        Wrk j = bench.wrk(64, seconds, lua, server.base() + "/api/v1/statements/regularisation-now");
        bench.figure("3b. its JSON, 64 connections", j.summary());
        Path revalidate = bench.script("etag.lua", "wrk.headers[\"If-None-Match\"] = '" + zipped.headers().firstValue("ETag").orElseThrow() + "'\n");
        Wrk e = bench.wrk(64, seconds, revalidate, server.base() + Bench.STATEMENT);
        bench.figure("3c. the page revalidated with its ETag (304), 64 connections", e.summary());
    }

    // 4. the page while sign-ons stream in at 1,000 a second
    void pagesWhileSigning(Server server, int seconds) throws Exception {
        // 64 connections, each pausing 10 ms after an answer: about 1,000 a second at 50 ms latency
        Path signLua = bench.signOnScript(server, "stream", 10);
        Path pageLua = bench.script("page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
        CompletableFuture<Wrk> signing = CompletableFuture.supplyAsync(() -> bench.wrk(64, seconds, signLua, server.base()));
        Thread.sleep(500);
        Wrk page = bench.wrk(32, seconds - 1, pageLua, server.base() + Bench.STATEMENT);
        Wrk sign = signing.join();
        bench.figure("4. page while sign-ons stream in, 32 connections", page.summary());
        bench.figure("   the sign-on stream meanwhile (64 connections, paced)", sign.summary());
        bench.peak(server);
    }
}
