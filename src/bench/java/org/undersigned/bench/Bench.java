package org.undersigned.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark of issue 6, run by src/bench/run.sh: starts the jar with a fresh database and
 * -Xmx256m and the serial collector (as the README's operations section runs it), drives it with
 * wrk over loopback, and prints every figure in one table.
 */
public final class Bench {
    private static final String STATEMENT = "/statements/regularisation-now";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private final Path work;
    private final Path jar;
    private final String classpath;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private long peakRssKb;

    private Bench(Path work, Path jar, String classpath) {
        this.work = work;
        this.jar = jar;
        this.classpath = classpath;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(work);
        try {
            Bench bench = new Bench(work, Path.of(args[1]).toAbsolutePath(), System.getProperty("java.class.path"));
            if (args.length > 3 && args[3].equals("sign-ons")) bench.signOnsOnly(Integer.parseInt(args[2]));
            else if (args.length > 4 && args[3].equals("compare")) bench.compare(Integer.parseInt(args[2]), Path.of(args[4]).toAbsolutePath(),
                    args.length > 5 ? Integer.parseInt(args[5]) : 4);
            else bench.run(Integer.parseInt(args[2]));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void figure(String name, String value) {
        figures.put(name, value);
        say(name.trim() + ": " + value);
    }

    private void run(int seconds) throws Exception {
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores; server JVM " + String.join(" ", JVM)
                + "; wrk over loopback; " + seconds + " s per phase");
        ceilings(seconds);
        int smtpPort = freePort();
        SmtpSink smtp = new SmtpSink(smtpPort);
        Path data = work.resolve("data");
        Server server = Server.start(this, data, smtpPort);
        try {
            // on two cores the JIT compilers keep a core busy for about a minute of this load; a server
            // that has run for a while is past that, so the figures are taken after it
            warmUp(server, seconds);
            wrk(64, Math.max(3, seconds / 3), script("warm-page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n"), server.base + STATEMENT);
            settle(server, signOnScript(server, "settle", 0));
            signOns(server, seconds);
            drain(server, data);
            confirmations(server, smtp, seconds);
        } finally {
            server.stop();
        }
        figure("   errors and warnings in the server's log (phases 2, 5a, 2c)", server.troubleLogged() + " lines (" + server.log().getFileName() + ")");
        confirmTenThousand(data);
        server = Server.start(this, data, smtpPort);
        try {
            say("warming up the restarted server (JIT) for 60 s: sign-ons, the page, its JSON");
            Path warmPage = script("warm-page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
            wrk(64, 30, signOnScript(server, "rewarm", 0), server.base);
            wrk(64, 20, warmPage, server.base + STATEMENT);
            wrk(64, 10, warmPage, server.base + "/api/v1/statements/regularisation-now");
            settle(server, signOnScript(server, "resettle", 0));
            pages(server, seconds);
            pagesWhileSigning(server, seconds);
            mailDelay(server, seconds, data);
        } finally {
            server.stop();
            smtp.close();
        }
        figure("   errors and warnings in the server's log (phases 3, 4, 5b)", server.troubleLogged() + " lines (" + server.log().getFileName() + ")");
        figure("6. peak resident memory of the server (VmHWM)", (peakRssKb / 1024) + " MB (heap limited to 256 MB)");
        StringBuilder table = new StringBuilder("\n== undersigned benchmark ==\n");
        figures.forEach((k, v) -> table.append(String.format("%-62s %s%n", k, v)));
        System.out.print(table);
        Files.writeString(work.resolve("results.txt"), table.toString());
    }

    /**
     * Phase 2 (and 2b) alone, after the same warm-up: about three minutes, for comparing two builds
     * of the sign-on path within minutes of each other, since the machine's speed drifts by the hour.
     */
    private void signOnsOnly(int seconds) throws Exception {
        say("sign-ons only: " + seconds + " s, server JVM " + String.join(" ", JVM) + " " + System.getenv().getOrDefault("BENCH_SERVER_OPTS", ""));
        int smtpPort = freePort();
        try (SmtpSink smtp = new SmtpSink(smtpPort)) {
            Server server = Server.start(this, work.resolve("data"), smtpPort);
            try {
                warmUp(server, seconds);
                settle(server, signOnScript(server, "settle", 0));
                signOns(server, seconds);
            } finally {
                server.stop();
            }
            figure("   errors and warnings in the server's log", server.troubleLogged() + " lines (" + server.log().getFileName() + ")");
        }
    }

    /**
     * Two builds side by side, for a change smaller than the machine's drift from one hour (or
     * minute) to the next: both servers are started and warmed up, then take sign-on rounds one
     * at a time, in the order A B, B A, A B..., each round once both outboxes are empty. Each pair
     * of rounds thus ran within a minute, and the ratio of a pair is what to read.
     */
    private void compare(int seconds, Path other, int pairs) throws Exception {
        say("comparing " + jar.getFileName() + " (A) with " + other + " (B): " + pairs + " pairs of " + seconds + " s sign-on rounds");
        int smtpPort = freePort();
        try (SmtpSink smtp = new SmtpSink(smtpPort)) {
            Server a = Server.start(this, jar, work.resolve("data-a"), smtpPort);
            Server b = Server.start(this, other, work.resolve("data-b"), smtpPort);
            try {
                for (Server server : List.of(a, b)) warmUp(server, seconds);
                for (Server server : List.of(a, b)) settle(server, signOnScript(server, "settle", 0));
                List<Double> ratios = new ArrayList<>();
                for (int pair = 0; pair < pairs; pair++) {
                    Map<Server, Timed> round = new LinkedHashMap<>();
                    for (Server server : pair % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
                        for (Server either : List.of(a, b)) either.awaitEmptyOutbox();
                        round.put(server, timed(server, seconds, signOnScript(server, "pair" + pair, 0)));
                    }
                    for (Server server : List.of(a, b)) {
                        Timed t = round.get(server);
                        say(String.format("pair %d %s: %s; %.2f ms per sign-on, the writer %.2f", pair + 1, server == a ? "A" : "B",
                                t.wrk().summary(), t.msPerRequest(), t.writerMsPerRequest()));
                    }
                    ratios.add(round.get(b).wrk().rps / round.get(a).wrk().rps);
                }
                List<Double> sorted = ratios.stream().sorted().toList();
                double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
                figure("B / A sign-ons a second, each pair", ratios.stream().map(r -> String.format("%.3f", r)).collect(Collectors.joining(", "))
                        + String.format(" (median %.3f)", median));
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    /**
     * Sign-ons at full load for a minute (or a phase, if longer), as the phases will drive them:
     * the JIT compiles the paths they take. Its addresses start with "warm-": phase 2c warms up on
     * their confirmation links.
     */
    private void warmUp(Server server, int seconds) throws Exception {
        int warmUp = Math.max(60, seconds);
        say("warming up the server (JIT) for " + warmUp + " s");
        wrk(64, warmUp, signOnScript(server, "warm", 0), server.base);
    }

    /**
     * After a warm-up, a light load (4 connections) in rounds of 5 s until the JIT compilers spend
     * under 1 % of a core in a round (at most two minutes), then the mail sent. Under the warm-up's
     * load the compilers share two saturated cores with a hundred request threads, and at its end
     * hundreds of hot methods still wait for their optimised compilation, running meanwhile in the
     * slower, profiling tier (phase 2's 15 s used to hold 300 to 400 compilations, most of them in
     * its first seconds). Waiting idle does not help: the JIT drops queued methods that stopped
     * running. A server that has run for a while has long compiled them.
     */
    private void settle(Server server, Path load) throws Exception {
        long start = System.nanoTime();
        double compiling = 0;
        for (int round = 0; round < 24; round++) {
            double before = server.compilerSeconds();
            wrk(4, 5, load, server.base);
            double spent = server.compilerSeconds() - before;
            compiling += spent;
            if (spent < 0.05) break;
        }
        say(String.format("the JIT compilers settled under a light load in %.0f s (%.1f s of their processor time)",
                (System.nanoTime() - start) / 1e9, compiling));
        server.awaitEmptyOutbox();
    }

    // 1. the ceiling
    private void ceilings(int seconds) throws Exception {
        int port = freePort();
        Process noop = java(jvm("-cp", classpath, Ceiling.class.getName(), "noop", String.valueOf(port)), Map.of(), work.resolve("noop.log"));
        try {
            awaitPort(port);
            Path lua = script("noop.lua", """
                    wrk.method = "POST"
                    wrk.body = "%s"
                    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
                    """.formatted("x=" + "y".repeat(300)));
            wrk(64, Ceiling.WARM_UP_SECONDS, lua, "http://127.0.0.1:" + port + "/noop"); // the JIT first
            Wrk w = wrk(64, seconds, lua, "http://127.0.0.1:" + port + "/noop");
            figure("1a. ceiling: no-op POST, 64 connections", w.summary());
        } finally {
            noop.destroy();
            noop.waitFor();
        }
        Process inserts = java(jvm("-cp", classpath, Ceiling.class.getName(), "inserts",
                work.resolve("ceiling.db").toString(), String.valueOf(seconds), "64"), Map.of(), work.resolve("inserts.log"));
        inserts.waitFor();
        String out = Files.readString(work.resolve("inserts.log"));
        Matcher m = Pattern.compile("inserts/s (\\d+) commits (\\d+) writes (\\d+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("insert ceiling failed:\n" + out);
        ceilingInserts = Double.parseDouble(m.group(1));
        figure("1b. ceiling: group-commit insert of signature + outbox rows", String.format("%.0f /s (%.1f per fsync)",
                ceilingInserts, Double.parseDouble(m.group(3)) / Double.parseDouble(m.group(2))));
        ceilingNoop = parseRps(figures.get("1a. ceiling: no-op POST, 64 connections"));
    }

    private double ceilingInserts;
    private double ceilingNoop;
    private long signOnPhaseStart;
    /** The start of phase 2's addresses, whose confirmation links phase 2c follows. */
    private static final String SIGN_ON_PREFIX = "full";

    // 2. full sign-ons
    private void signOns(Server server, int seconds) throws Exception {
        String prefix = SIGN_ON_PREFIX;
        Path lua = signOnScript(server, prefix, 0);
        say("2. sign-ons for " + seconds + " s");
        signOnPhaseStart = System.currentTimeMillis();
        double sentBefore = server.metric("undersigned_mail_sent_total");
        String newOnes = "undersigned_sign_ons_total{kind=\"statement\",outcome=\"new\"}";
        double storedBefore = server.metric(newOnes);
        double busyBefore = server.metric("undersigned_db_writer_busy_seconds_total");
        double commitsBefore = server.metric("undersigned_db_commits_total");
        double writesBefore = server.metric("undersigned_db_writes_total");
        double cpuBefore = server.cpuSeconds();
        Map<String, Double> partsBefore = server.cpuByPart();
        long[] ioBefore = server.writerIo();
        Wrk w = wrk(64, seconds, lua, server.base);
        long[] io = server.writerIo();
        double cpu = server.cpuSeconds() - cpuBefore;
        Map<String, Double> parts = server.cpuByPart();
        figure("   the server's processor time meanwhile", String.format("%.2f of %d cores, %.2f ms per sign-on (the rest went to wrk and the kernel)",
                cpu / seconds, Runtime.getRuntime().availableProcessors(), 1000 * cpu / Math.max(1, w.requests)));
        figure("   where it went, ms per sign-on", parts.keySet().stream()
                .map(part -> String.format("%s %.2f", part, 1000 * (parts.get(part) - partsBefore.getOrDefault(part, 0.0)) / Math.max(1, w.requests)))
                .collect(Collectors.joining(", ")));
        double stored = server.metric(newOnes) - storedBefore;
        figure("   the single writer meanwhile", String.format("busy %.0f%% of the time, %.1f writes per commit (fsync)",
                100 * (server.metric("undersigned_db_writer_busy_seconds_total") - busyBefore) / seconds,
                (server.metric("undersigned_db_writes_total") - writesBefore) / Math.max(1, server.metric("undersigned_db_commits_total") - commitsBefore)));
        double perSignOn = Math.max(1, w.requests);
        figure("   the writer's file I/O per sign-on (not noisy)", String.format("%.1f KB written in %.1f calls, %.1f KB read in %.1f calls",
                (io[1] - ioBefore[1]) / 1024.0 / perSignOn, (io[3] - ioBefore[3]) / perSignOn,
                (io[0] - ioBefore[0]) / 1024.0 / perSignOn, (io[2] - ioBefore[2]) / perSignOn));
        figure("2. full organisation sign-ons, 64 connections", w.summary());
        figure("   ratio to the ceilings (no-op POST / raw inserts)", String.format("%.0f%% / %.0f%%",
                100 * w.rps / ceilingNoop, 100 * w.rps / ceilingInserts));
        figure("   sign-ons stored (new, each with its mail queued)", String.format("%.0f stored, %d answered 200", stored, w.requests - w.non2xx));
        mailSentDuringSignOns = server.metric("undersigned_mail_sent_total") - sentBefore;
        repeats(server, seconds, prefix, (long) (0.45 * stored));
    }

    /**
     * 2b. the phase-2 addresses sign again, as people do when the confirmation is slow to come:
     * nothing new is stored; each repeat mails the link again, up to five mails per address.
     * Each wrk thread stays within the addresses it signed on in phase 2 (about half of them each).
     */
    private void repeats(Server server, int seconds, String prefix, long perThread) throws Exception {
        Path lua = signOnScript(server, prefix, 0, perThread);
        String repeat = "undersigned_sign_ons_total{kind=\"statement\",outcome=\"repeat\"}";
        double repeatsBefore = server.metric(repeat);
        Timed run = timed(server, seconds, lua);
        figure("2b. the same addresses again (repeat sign-ons), 64 connections", run.wrk().summary());
        figure("   repeats counted; server processor time per repeat", String.format("%.0f repeats; %.2f ms, of which the writer %.2f ms",
                server.metric(repeat) - repeatsBefore, run.msPerRequest(), run.writerMsPerRequest()));
    }

    /** A wrk run at 64 connections, with the server's processor time per request: in all, and the writer's. */
    private record Timed(Wrk wrk, double msPerRequest, double writerMsPerRequest) {}

    private Timed timed(Server server, int seconds, Path lua) throws Exception {
        double cpuBefore = server.cpuSeconds();
        double writerBefore = server.cpuByPart().get("writer");
        Wrk w = wrk(64, seconds, lua, server.base);
        double cpu = server.cpuSeconds() - cpuBefore;
        double writer = server.cpuByPart().get("writer") - writerBefore;
        double requests = Math.max(1, w.requests);
        return new Timed(w, 1000 * cpu / requests, 1000 * writer / requests);
    }

    private double mailSentDuringSignOns;

    // 5a. outbox drain rate: the backlog the sign-ons left, and what was sent meanwhile
    private void drain(Server server, Path data) throws Exception {
        long start = System.currentTimeMillis();
        double sentAtStart = server.metric("undersigned_mail_sent_total");
        double backlog = server.metric("undersigned_outbox_depth");
        while (server.metric("undersigned_outbox_depth") > 0 && System.currentTimeMillis() - start < 600_000) Thread.sleep(200);
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        double sent = server.metric("undersigned_mail_sent_total") - sentAtStart;
        figure("5a. outbox drain to a local SMTP server", String.format("%.0f mails/s (backlog of %.0f drained in %.1f s; %.0f sent during the sign-ons)",
                sent / Math.max(seconds, 0.001), backlog, seconds, mailSentDuringSignOns));
        // what the spike's senders waited for their mail: the relay rests while sign-ons queue, so most of it goes out after the spike
        List<Long> waits = handOffDelays(data, SIGN_ON_PREFIX);
        figure("   phase 2 and 2b's mails, from sign-on to hand-off", String.format("p50 %.1f s, p99 %.1f s, max %.1f s over %d mails",
                waits.get(waits.size() / 2) / 1000.0, waits.get((int) (waits.size() * 0.99)) / 1000.0, waits.get(waits.size() - 1) / 1000.0,
                waits.size()));
        peakRssKb = Math.max(peakRssKb, server.peakRssKb());
    }

    /**
     * 2c. the links in the mails of phase 2, each POSTed once as the confirm page's form does
     * (after a JIT warm-up on the links of the warm-up's sign-ons): the second half of every
     * supporter's way in, and a write of its own, with the "thanks" mail.
     */
    private void confirmations(Server server, SmtpSink smtp, int seconds) throws Exception {
        List<String> warmTokens = smtp.confirmTokens("warm-");
        List<String> tokens = smtp.confirmTokens(SIGN_ON_PREFIX + "-");
        if (warmTokens.isEmpty() || tokens.isEmpty()) throw new IllegalStateException("the sink kept no confirmation links");
        String formToken = formToken(get(server.base + "/confirm/" + tokens.get(0)), "the confirm page");
        wrk(64, Math.max(10, seconds), confirmScript("confirm-warm", warmTokens, formToken), server.base);
        server.awaitEmptyOutbox();
        Path lua = confirmScript("confirm", tokens, formToken);
        String confirmed = "undersigned_confirmations_total{kind=\"statement\"}";
        double confirmedBefore = server.metric(confirmed);
        Timed run = timed(server, seconds, lua);
        figure("2c. confirmations (phase 2's links, each once), 64 connections", run.wrk().summary());
        figure("   confirmed; server processor time per confirmation", String.format("%.0f of %d links; %.2f ms, of which the writer %.2f ms",
                server.metric(confirmed) - confirmedBefore, tokens.size(), run.msPerRequest(), run.writerMsPerRequest()));
    }

    /** A wrk script posting the confirm form for each token in turn (each of wrk's two threads takes every other one). */
    private Path confirmScript(String name, List<String> tokens, String formToken) throws IOException {
        Path list = work.resolve(name + ".tokens");
        Files.write(list, tokens);
        return script(name + ".lua", """
                local tokens = {}
                local threads = 0
                local i = 0
                function setup(thread) thread:set("id", threads); threads = threads + 1 end
                function init(args)
                  for line in io.lines("%1$s") do tokens[#tokens + 1] = line end
                  i = id - 2
                end
                request = function()
                  i = i + 2
                  return wrk.format("POST", "/confirm/" .. tokens[(i %% #tokens) + 1],
                    {["Content-Type"] = "application/x-www-form-urlencoded"}, "form_token=%2$s")
                end
                """.formatted(list, formToken));
    }

    // 3. the page of a statement with 10,000 confirmed signatories, and its JSON
    private void confirmTenThousand(Path data) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("undersigned.db"))) {
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
            if (count.getInt(1) != 10_000) throw new IllegalStateException(count.getInt(1) + " confirmed signatories instead of 10,000");
        }
    }

    private void pages(Server server, int seconds) throws Exception {
        String json = get(server.base + "/api/v1/statements/regularisation-now");
        if (!json.contains("\"signatureCount\":10000")) throw new IllegalStateException("the statement does not show 10,000: " + json.substring(0, 200));
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create(server.base + STATEMENT)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String page = get(server.base + STATEMENT);
        Path lua = script("page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
        Wrk p = wrk(64, seconds, lua, server.base + STATEMENT);
        figure("3a. statement page, 10,000 signatories, 64 connections", p.summary());
        figure("    page size plain / gzipped", String.format("%d KB / %d KB", page.length() / 1024, zipped.body().length / 1024));
        Wrk j = wrk(64, seconds, lua, server.base + "/api/v1/statements/regularisation-now");
        figure("3b. its JSON, 64 connections", j.summary());
        Path revalidate = script("etag.lua", "wrk.headers[\"If-None-Match\"] = '" + zipped.headers().firstValue("ETag").orElseThrow() + "'\n");
        Wrk e = wrk(64, seconds, revalidate, server.base + STATEMENT);
        figure("3c. the page revalidated with its ETag (304), 64 connections", e.summary());
    }

    // 4. the page while sign-ons stream in at 1,000 a second
    private void pagesWhileSigning(Server server, int seconds) throws Exception {
        // 64 connections, each pausing 10 ms after an answer: about 1,000 a second at 50 ms latency
        Path signLua = signOnScript(server, "stream", 10);
        Path pageLua = script("page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
        CompletableFuture<Wrk> signing = CompletableFuture.supplyAsync(() -> wrk(64, seconds, signLua, server.base));
        Thread.sleep(500);
        Wrk page = wrk(32, seconds - 1, pageLua, server.base + STATEMENT);
        Wrk sign = signing.join();
        figure("4. page while sign-ons stream in, 32 connections", page.summary());
        figure("   the sign-on stream meanwhile (64 connections, paced)", sign.summary());
        peakRssKb = Math.max(peakRssKb, server.peakRssKb());
    }

    // 5b. delay from sign-on to hand-off at 500 sign-ons a second
    private void mailDelay(Server server, int seconds, Path data) throws Exception {
        server.awaitEmptyOutbox();
        Path paced = signOnScript(server, "p500", 35); // 20 connections, each pausing 35 ms: about 500 a second at 5 ms latency
        Wrk w = wrk(20, seconds, paced, server.base);
        server.awaitEmptyOutbox();
        List<Long> delays = handOffDelays(data, "p500");
        figure("5b. sign-on to mail hand-off at " + Math.round(w.rps) + " sign-ons/s", String.format("p50 %d ms, p99 %d ms, max %d ms over %d mails",
                delays.get(delays.size() / 2), delays.get((int) (delays.size() * 0.99)), delays.get(delays.size() - 1), delays.size()));
        peakRssKb = Math.max(peakRssKb, server.peakRssKb());
    }

    /** Milliseconds from queueing to hand-off of each mail sent to the addresses a sign-on script made with this prefix, in order. */
    private static List<Long> handOffDelays(Path data, String prefix) throws Exception {
        List<Long> delays = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("undersigned.db"));
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT sent_at - created_at FROM outbox WHERE recipient LIKE '" + prefix + "-%' AND status = 'sent' ORDER BY 1")) {
            while (rows.next()) delays.add(rows.getLong(1));
        }
        if (delays.isEmpty()) throw new IllegalStateException("no mail to " + prefix + "-... was sent");
        return delays;
    }

    /** A wrk script posting the form as served, each request a new organisation from a new client address. */
    private Path signOnScript(Server server, String prefix, int delayMs) throws Exception {
        return signOnScript(server, prefix, delayMs, 0);
    }

    /** cycle > 0: each wrk thread goes round its first cycle addresses again and again. */
    private Path signOnScript(Server server, String prefix, int delayMs, long cycle) throws Exception {
        String token = formToken(get(server.base + STATEMENT), "the statement page");
        return script(prefix + ".lua", """
                local n = 0
                local threads = 0
                function setup(thread) thread:set("id", threads); threads = threads + 1 end
                request = function()
                  n = n + 1
                  %5$s
                  local email = "%1$s-" .. id .. "-" .. n .. "@bench.example.org"
                  local body = "form_token=%2$s&organisation=Bench+Org+%1$s+" .. id .. "-" .. n
                    .. "&org_type=ngo&country=BE&website=&contact_name=Bench+Contact&email=" .. email .. "&consent_publish=yes&description="
                  local ip = "10." .. (id %% 250) .. "." .. (math.floor(n / 250) %% 250) .. "." .. (n %% 250 + 1)
                  return wrk.format("POST", "%3$s/signatures",
                    {["Content-Type"] = "application/x-www-form-urlencoded", ["X-Forwarded-For"] = ip}, body)
                end
                %4$s
                """.formatted(prefix, token, STATEMENT, delayMs > 0 ? "function delay() return " + delayMs + " end" : "",
                cycle > 0 ? "if n > " + cycle + " then n = 1 end" : ""));
    }

    /** The form token a page's form carries, as a browser would send it back. */
    private static String formToken(String page, String which) {
        Matcher token = FORM_TOKEN.matcher(page);
        if (!token.find()) throw new IllegalStateException("no form token on " + which);
        return token.group(1);
    }

    private Path script(String name, String text) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    record Wrk(double rps, double p50, double p99, long requests, long non2xx, String raw) {
        String summary() {
            return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d requests, %d non-2xx", rps, p50, p99, requests, non2xx);
        }
    }

    private Wrk wrk(int connections, int seconds, Path lua, String url) {
        try {
            Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", lua.toString(), url)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
            Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
            Matcher bad = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
            if (!rps.find() || !total.find()) throw new IllegalStateException("wrk failed:\n" + out);
            return new Wrk(Double.parseDouble(rps.group(1)), percentile(out, "50%"), percentile(out, "99%"),
                    Long.parseLong(total.group(1)), bad.find() ? Long.parseLong(bad.group(1)) : 0, out);
        } catch (IOException e) {
            throw new IllegalStateException("wrk could not run (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(String wrkOutput, String which) {
        Matcher m = Pattern.compile("\\s" + which + "\\s+([\\d.]+)(us|ms|s)").matcher(wrkOutput);
        if (!m.find()) return Double.NaN;
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double parseRps(String summary) {
        return Double.parseDouble(summary.substring(0, summary.indexOf(' ')));
    }

    /**
     * The server's JVM flags, as the README's operations section gives them: the heap limit the
     * issue sets, and the serial collector, which the JVM itself picks on a machine with one core
     * or under 1.8 GB of memory (this one has two cores and 24 GB, so it would pick G1). The
     * ceilings run with the same flags.
     */
    static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private static List<String> jvm(String... args) {
        List<String> all = new ArrayList<>(JVM);
        all.addAll(List.of(args));
        return all;
    }

    Process java(List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).directory(work.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }

    /** The jar as an operator runs it, with the limits the issue sets. */
    private record Server(Process process, String base, HttpClient http, Path log) {
        static Server start(Bench bench, Path data, int smtpPort) throws Exception {
            return start(bench, bench.jar, data, smtpPort);
        }

        static Server start(Bench bench, Path jar, Path data, int smtpPort) throws Exception {
            int port = freePort();
            Files.createDirectories(data);
            Map<String, String> env = Map.ofEntries(Map.entry("PORT", String.valueOf(port)),
                    Map.entry("BASE_URL", "http://localhost:" + port),
                    Map.entry("DATABASE_URL", "jdbc:sqlite:" + data.resolve("undersigned.db")),
                    Map.entry("MAIL_DIR", data.resolve("mail").toString()),
                    Map.entry("SMTP_HOST", "127.0.0.1"), Map.entry("SMTP_PORT", String.valueOf(smtpPort)), Map.entry("SMTP_TRANSPORT", "plain"),
                    Map.entry("TRUSTED_PROXIES", "127.0.0.1"), Map.entry("RATE_LIMIT_PER_MINUTE", "100000"),
                    Map.entry("RATE_LIMIT_PER_HOUR", "1000000"), Map.entry("ALERT_PER_HOUR", "1000000"));
            Path log = bench.work.resolve("server-" + port + ".log");
            List<String> jvm = new ArrayList<>(JVM);
            // extra flags for the server's JVM, for experiments (a profiler agent, another collector)
            String extra = System.getenv().getOrDefault("BENCH_SERVER_OPTS", "").trim();
            if (!extra.isEmpty()) jvm.addAll(List.of(extra.split("\\s+")));
            jvm.addAll(List.of("-jar", jar.toString()));
            Process process = bench.java(jvm, env, log);
            awaitPort(port);
            Server server = new Server(process, "http://localhost:" + port, bench.http, log);
            while (!bench.get(server.base + "/healthz").startsWith("ok")) Thread.sleep(100);
            say("server started on port " + port + " (pid " + process.pid() + ")");
            return server;
        }

        /** Waits until every queued mail has been handed to the SMTP sink. */
        void awaitEmptyOutbox() throws Exception {
            while (metric("undersigned_outbox_depth") > 0) Thread.sleep(200);
        }

        double metric(String name) throws Exception {
            String text = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ")) return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
            return 0;
        }

        /** User and system time of the server process so far (from /proc). */
        double cpuSeconds() throws IOException {
            return cpuSecondsOf(Files.readString(Path.of("/proc/" + process.pid() + "/stat")));
        }

        /** User plus system time in a /proc stat line (process or thread), in clock ticks of 10 ms. */
        private static double cpuSecondsOf(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }

        /**
         * Processor time so far by part of the server, from its threads' names in /proc: the request
         * threads, the single writer, the mail relay and senders, the JIT compilers with the garbage
         * collector, the rest. A thread that ended meanwhile takes its time with it (Jetty keeps its
         * threads while busy, so this misses little).
         */
        Map<String, Double> cpuByPart() throws IOException {
            Map<String, Double> parts = new LinkedHashMap<>();
            for (String part : List.of("requests", "writer", "mail", "JIT+GC", "other")) parts.put(part, 0.0);
            parts.putAll(cpuByThreads(Server::part));
            return parts;
        }

        /** Processor time so far of the server's threads, summed by the group each thread's name falls in. */
        private Map<String, Double> cpuByThreads(Function<String, String> group) throws IOException {
            Map<String, Double> groups = new LinkedHashMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue;
                    }
                    groups.merge(group.apply(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))), cpuSecondsOf(stat), Double::sum);
                }
            }
            return groups;
        }

        /** Processor time so far of the JIT compiler threads. */
        double compilerSeconds() throws IOException {
            return cpuByThreads(name -> name.contains("Compiler") ? "JIT" : "rest").getOrDefault("JIT", 0.0);
        }

        /**
         * The single writer's rchar, wchar, syscr and syscw from /proc: bytes and system calls of
         * its reads and writes (the WAL, the checkpoints, pages missing from its cache). Unlike
         * processor time, these hardly vary from run to run on a noisy machine.
         */
        long[] writerIo() throws IOException {
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    if (!Files.readString(task.resolve("comm")).startsWith("db-writer")) continue;
                    Map<String, Long> io = new LinkedHashMap<>();
                    for (String line : Files.readAllLines(task.resolve("io"))) {
                        String[] kv = line.split(":\\s*");
                        io.put(kv[0], Long.parseLong(kv[1].trim()));
                    }
                    return new long[] {io.get("rchar"), io.get("wchar"), io.get("syscr"), io.get("syscw")};
                }
            }
            throw new IllegalStateException("no db-writer thread in the server");
        }

        private static String part(String thread) {
            if (thread.startsWith("db-writer")) return "writer";
            if (thread.startsWith("Jetty") || thread.startsWith("qtp")) return "requests";
            if (thread.startsWith("mail-")) return "mail";
            if (thread.contains("Compiler") || thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.startsWith("VM ")) return "JIT+GC";
            return "other";
        }

        long peakRssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
            return 0;
        }

        /** Lines of the server's log that say something went wrong (errors, warnings, the JVM's own). */
        long troubleLogged() throws IOException {
            try (var lines = Files.lines(log)) {
                return lines.filter(line -> line.contains(" ERROR ") || line.contains(" WARN ") || line.contains("[warning]")
                        || line.contains("OutOfMemoryError")).count();
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
