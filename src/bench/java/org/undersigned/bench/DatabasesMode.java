package org.undersigned.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.support.PostgresCluster;

/**
 * The mode "databases": the same phases on SQLite, on PostgreSQL with one instance of the jar and
 * with two instances on one database, one setup after the other in one run, in one table side by
 * side. PostgreSQL is Debian's, on this machine, durable as shipped. Each setup gets a fresh
 * database and SMTP sink, the usual warm-up and settling, then sign-ons (phase 2), the outbox
 * drained (5a), phase 2's links confirmed (2c) and the page with 10,000 signatories (3a).
 */
final class DatabasesMode {
    private static final List<String> SETUPS = List.of("SQLite", "PostgreSQL, 1 instance", "PostgreSQL, 2 instances");
    private static final String NEW = "undersigned_sign_ons_total{kind=\"statement\",outcome=\"new\"}";
    private static final String CONFIRMED = "undersigned_confirmations_total{kind=\"statement\"}";
    private static final String SENT = "undersigned_mail_sent_total";
    private static final String DEPTH = "undersigned_outbox_depth";
    private final Bench bench;
    private final Warming warming;
    private final Map<String, String[]> rows = new LinkedHashMap<>();
    private PostgresCluster cluster;
    private String postgresSettings = "";

    DatabasesMode(Bench bench) {
        this.bench = bench;
        this.warming = new Warming(bench);
    }

    /** {@code only}: the setups to run, of sqlite, postgresql and two (comma-separated); the others stay empty in the table. */
    void run(int seconds, String only) throws Exception {
        List<String> chosen = List.of(only.split(","));
        Bench.say("databases: " + String.join(" | ", SETUPS) + "; " + seconds + " s per phase, server JVM " + String.join(" ", Bench.JVM));
        for (int setup = 0; setup < SETUPS.size(); setup++) {
            if (!chosen.contains(List.of("sqlite", "postgresql", "two").get(setup))) continue;
            Bench.say("== " + SETUPS.get(setup));
            String url = setup == 0 ? Server.sqliteUrl(bench.work().resolve("data-0")) : postgres().emptyDatabase();
            measure(setup, setup == 2 ? 2 : 1, url, seconds);
            if (setup > 0) cluster.drop(url); // its autovacuum would run into the next setup
        }
        StringBuilder table = new StringBuilder(String.format("%n== undersigned benchmark: databases, %d s per phase, %d cores ==%n%s%n",
                seconds, Runtime.getRuntime().availableProcessors(), postgresSettings));
        table.append(String.format("%-52s", ""));
        for (String setup : SETUPS) table.append(String.format(" %-26s", setup));
        table.append('\n');
        rows.forEach((label, cells) -> {
            table.append(String.format("%-52s", label));
            for (String cell : cells) table.append(String.format(" %-26s", cell == null ? "-" : cell));
            table.append('\n');
        });
        System.out.print(table);
        Files.writeString(bench.work().resolve("results.txt"), table.toString());
    }

    private void measure(int setup, int count, String url, int seconds) throws Exception {
        int smtpPort = Bench.freePort();
        long postgresTrouble = cluster == null ? 0 : postgresTrouble();
        try (SmtpSink smtp = new SmtpSink(smtpPort)) {
            Instances in = Instances.start(bench, count, url, bench.work().resolve("data-" + setup), smtpPort);
            try {
                int warm = Warming.seconds(seconds);
                // each server alone at the full load, as a single one is: its JIT sees the same work
                for (Server server : in.servers()) {
                    Bench.say("warming up " + server.base() + " (JIT) for " + warm + " s");
                    bench.wrk(64, warm, bench.signOnScript(server, "warm" + in.suffix(server), 0), server.base());
                }
                for (Server server : in.servers()) warming.settle(server, bench.signOnScript(server, "settle" + in.suffix(server), 0));
                double mailDuringSignOns = signOns(setup, in, seconds);
                drain(setup, in, mailDuringSignOns);
                confirmations(setup, in, smtp, seconds);
                page(setup, in, seconds);
                put("6. peak resident memory (the larger instance)", setup, (in.peakRssKb() / 1024) + " MB");
            } finally {
                in.stop();
            }
            put("errors and warnings in the servers' logs", setup, in.troubleLogged() + " lines");
            put("errors and warnings in PostgreSQL's log", setup, setup == 0 ? "-" : (postgresTrouble() - postgresTrouble) + " lines");
        }
    }

    /** Phase 2: new sign-ons at full load; returns the mail sent meanwhile. */
    private double signOns(int setup, Instances in, int seconds) throws Exception {
        Bench.say("2. sign-ons for " + seconds + " s");
        double stored = in.metric(NEW);
        double sent = in.metric(SENT);
        double cpu = in.cpuSeconds();
        Map<String, Double> parts = in.cpuByPart();
        double commits = in.metric("undersigned_db_commits_total");
        double writes = in.metric("undersigned_db_writes_total");
        PostgresLoad db = setup > 0 ? PostgresLoad.of(cluster) : null;
        Wrk w = in.wrk(bench, 64, seconds, s -> bench.signOnScript(s, SignOnPhases.SIGN_ON_PREFIX + in.suffix(s), 0), "");
        if (db != null) db = PostgresLoad.of(cluster).since(db);
        cpu = in.cpuSeconds() - cpu;
        Map<String, Double> partsAfter = in.cpuByPart();
        commits = in.metric("undersigned_db_commits_total") - commits;
        writes = in.metric("undersigned_db_writes_total") - writes;
        stored = in.metric(NEW) - stored;
        double perSignOn = Math.max(1, w.requests());
        latency("2. sign-ons a second, 64 connections", "   sign-on", setup, w);
        put("   sign-ons stored / answered 200", setup, String.format("%.0f / %d", stored, w.requests() - w.non2xx()));
        put("   the servers' processor time per sign-on", setup, String.format("%.2f ms", 1000 * cpu / perSignOn));
        for (String part : partsAfter.keySet()) {
            put("     of which " + part + (part.equals("writer") ? " (SQLite's one, PostgreSQL's pool)" : ""), setup,
                    String.format("%.2f ms", 1000 * (partsAfter.get(part) - parts.getOrDefault(part, 0.0)) / perSignOn));
        }
        put("   writes per commit (mostly sign-ons)", setup, String.format("%.1f", writes / Math.max(1, commits)));
        // SQLite: sign-ons grouped by the single writer into one commit; PostgreSQL: commits sharing a WAL flush (about)
        put("   writes per fsync (PostgreSQL: per WAL flush, ~)", setup, db == null
                ? String.format("%.1f", writes / Math.max(1, commits)) : String.format("%.1f", commits / Math.max(1, db.walFlushes())));
        put("   PostgreSQL's processor time per sign-on", setup, db == null ? "-" : String.format("%.2f ms", 1000 * db.cpuSeconds() / perSignOn));
        put("   WAL written per sign-on", setup, db == null ? "-" : String.format("%.1f KB", db.walBytes() / 1024.0 / perSignOn));
        return in.metric(SENT) - sent;
    }

    /** Phase 5a: the outbox drained after the sign-ons, by every instance's relay. */
    private void drain(int setup, Instances in, double mailDuringSignOns) throws Exception {
        long start = System.currentTimeMillis();
        double sent = in.metric(SENT);
        double backlog = in.shared(DEPTH);
        while (in.shared(DEPTH) > 0 && System.currentTimeMillis() - start < 600_000) Thread.sleep(200);
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        sent = in.metric(SENT) - sent;
        put("5a. outbox drain to local SMTP, mails a second", setup, String.format("%.0f", sent / Math.max(seconds, 0.001)));
        put("    backlog drained / sent during the sign-ons", setup, String.format("%.0f in %.1f s / %.0f", backlog, seconds, mailDuringSignOns));
        List<Long> waits = MailPhases.handOffDelays(in.databaseUrl(), SignOnPhases.SIGN_ON_PREFIX);
        put("    phase 2's mails, sign-on to hand-off p50/p99", setup, String.format("%.1f / %.1f s",
                waits.get(waits.size() / 2) / 1000.0, waits.get((int) (waits.size() * 0.99)) / 1000.0));
    }

    /** Phase 2c: phase 2's links confirmed, each once; every confirmation bumps the petition's public_version. */
    private void confirmations(int setup, Instances in, SmtpSink smtp, int seconds) throws Exception {
        List<String> warmTokens = smtp.confirmTokens("warm");
        List<String> tokens = smtp.confirmTokens(SignOnPhases.SIGN_ON_PREFIX + "-");
        if (warmTokens.isEmpty() || tokens.isEmpty()) throw new IllegalStateException("the sink kept no confirmation links");
        String form = SignOnScripts.formToken(bench.get(in.servers().get(0).base() + "/confirm/" + tokens.get(0)), "the confirm page");
        Bench.say("2c. confirmations: a warm-up on the warm-up's links, then " + seconds + " s");
        in.wrk(bench, 64, briefWarmUp(seconds), s -> bench.confirmScript("confirm-warm" + in.suffix(s), share(warmTokens, in, s), form), "");
        in.awaitEmptyOutbox();
        double confirmed = in.metric(CONFIRMED);
        double cpu = in.cpuSeconds();
        PostgresLoad db = setup > 0 ? PostgresLoad.of(cluster) : null;
        Wrk w = in.wrk(bench, 64, seconds, s -> bench.confirmScript("confirm" + in.suffix(s), share(tokens, in, s), form), "");
        if (db != null) db = PostgresLoad.of(cluster).since(db);
        cpu = in.cpuSeconds() - cpu;
        in.awaitQuiet(CONFIRMED);
        confirmed = in.metric(CONFIRMED) - confirmed;
        latency("2c. confirmations a second, 64 connections", "    confirmation", setup, w);
        put("    confirmed / links", setup, String.format("%.0f / %d", confirmed, tokens.size()));
        put("    the servers' processor time per confirmation", setup, String.format("%.2f ms", 1000 * cpu / Math.max(1, w.requests())));
        put("    PostgreSQL's processor time per confirmation", setup, db == null ? "-" : String.format("%.2f ms", 1000 * db.cpuSeconds() / Math.max(1, w.requests())));
    }

    /** Phase 3a: the statement page with 10,000 confirmed signatories, gzipped. */
    private void page(int setup, Instances in, int seconds) throws Exception {
        PagePhases.confirmTenThousand(in.databaseUrl());
        for (Server server : in.servers()) {
            String json = bench.get(server.base() + "/api/v1/statements/regularisation-now");
            if (!json.contains("\"signatureCount\":10000")) throw new IllegalStateException("the statement does not show 10,000: " + json.substring(0, 200));
        }
        Path lua = bench.script("page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
        Bench.say("3a. the page of 10,000 signatories: a warm-up, then " + seconds + " s");
        in.wrk(bench, 64, briefWarmUp(seconds), s -> lua, Bench.STATEMENT);
        double cpu = in.cpuSeconds();
        PostgresLoad db = setup > 0 ? PostgresLoad.of(cluster) : null;
        Wrk w = in.wrk(bench, 64, seconds, s -> lua, Bench.STATEMENT);
        if (db != null) db = PostgresLoad.of(cluster).since(db);
        cpu = in.cpuSeconds() - cpu;
        latency("3a. page, 10,000 signatories, a second, 64 conn.", "    page", setup, w);
        put("    the servers' processor time per page", setup, String.format("%.2f ms", 1000 * cpu / Math.max(1, w.requests())));
        put("    PostgreSQL's processor time per page", setup, db == null ? "-" : String.format("%.2f ms", 1000 * db.cpuSeconds() / Math.max(1, w.requests())));
    }

    private void latency(String rate, String prefix, int setup, Wrk w) {
        put(rate, setup, String.format("%.0f", w.rps()));
        put(prefix + " p50 / p99 (the worse instance)", setup, String.format("%.1f / %.1f ms", w.p50(), w.p99()));
        put(prefix + "s answered not 2xx / socket errors", setup, w.non2xx() + " / " + w.errors());
    }

    /** The JIT warm-up of a path the sign-ons' warm-up did not take. */
    private static int briefWarmUp(int seconds) {
        return Math.min(Warming.seconds(seconds), Math.max(10, seconds));
    }

    /** Every n-th token for the n-th of the servers, so that no link is followed twice. */
    private static List<String> share(List<String> tokens, Instances in, Server server) {
        int n = in.servers().size();
        int k = in.servers().indexOf(server);
        List<String> share = new ArrayList<>();
        for (int i = k; i < tokens.size(); i += n) share.add(tokens.get(i));
        return share;
    }

    private void put(String row, int setup, String value) {
        rows.computeIfAbsent(row, r -> new String[SETUPS.size()])[setup] = value;
        Bench.say(SETUPS.get(setup) + ": " + row.trim() + ": " + value);
    }

    /** Started on first use: a cluster of its own, durable as Debian ships it, stopped when the benchmark ends. */
    private PostgresCluster postgres() throws Exception {
        if (cluster == null) {
            cluster = PostgresCluster.startDurable();
            try (Connection db = DriverManager.getConnection(cluster.url("postgres"));
                 ResultSet row = db.createStatement().executeQuery("""
                         SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'),
                                current_setting('full_page_writes'), current_setting('wal_sync_method'), current_setting('shared_buffers'),
                                current_setting('max_connections'), current_setting('ssl')""")) {
                row.next();
                postgresSettings = String.format("PostgreSQL %s on loopback: fsync %s, synchronous_commit %s, full_page_writes %s, wal_sync_method %s,"
                        + " shared_buffers %s, max_connections %s, ssl %s", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8));
            }
            Bench.say(postgresSettings);
        }
        return cluster;
    }

    private long postgresTrouble() throws IOException {
        try (var lines = Files.lines(cluster.log())) {
            return lines.filter(line -> line.contains("ERROR:") || line.contains("WARNING:") || line.contains("FATAL:") || line.contains("PANIC:")).count();
        }
    }
}
