package org.undersigned.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The jar as an operator runs it, with the limits the issue sets; and what /proc and /metrics tell of it. */
record Server(Process process, String base, HttpClient http, Path log) {
    static Server start(Bench bench, Path data, int smtpPort) throws Exception {
        return start(bench, bench.jar(), data, smtpPort);
    }

    static Server start(Bench bench, Path jar, Path data, int smtpPort) throws Exception {
        return start(bench, jar, data, smtpPort, sqliteUrl(data));
    }

    static String sqliteUrl(Path data) {
        return "jdbc:sqlite:" + data.resolve("undersigned.db");
    }

    /** The jar on a database of its choosing: a SQLite file, or a PostgreSQL database several servers share. */
    static Server start(Bench bench, Path jar, Path data, int smtpPort, String databaseUrl) throws Exception {
        int port = Bench.freePort();
        Files.createDirectories(data);
        Map<String, String> env = Map.ofEntries(Map.entry("PORT", String.valueOf(port)),
                Map.entry("BASE_URL", "http://localhost:" + port),
                Map.entry("DATABASE_URL", databaseUrl),
                Map.entry("MAIL_DIR", data.resolve("mail").toString()),
                Map.entry("SMTP_HOST", "127.0.0.1"), Map.entry("SMTP_PORT", String.valueOf(smtpPort)), Map.entry("SMTP_TRANSPORT", "plain"),
                Map.entry("TRUSTED_PROXIES", "127.0.0.1"), Map.entry("RATE_LIMIT_PER_MINUTE", "100000"),
                Map.entry("RATE_LIMIT_PER_HOUR", "1000000"), Map.entry("ALERT_PER_HOUR", "1000000"));
        Path log = bench.work().resolve("server-" + port + ".log");
        List<String> jvm = new ArrayList<>(Bench.JVM);
        // extra flags for the server's JVM, for experiments (a profiler agent, another collector)
        String extra = System.getenv().getOrDefault("BENCH_SERVER_OPTS", "").trim();
        if (!extra.isEmpty()) jvm.addAll(List.of(extra.split("\\s+")));
        jvm.addAll(List.of("-jar", jar.toString()));
        Process process = bench.java(jvm, env, log);
        Bench.awaitPort(port);
        Server server = new Server(process, "http://localhost:" + port, bench.http(), log);
        while (!bench.get(server.base + "/healthz").startsWith("ok")) Thread.sleep(100);
        Bench.say("server started on port " + port + " (pid " + process.pid() + ")");
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
        for (String part : List.of("requests", "writer", "mail", "JIT", "GC and VM", "other")) parts.put(part, 0.0);
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
        if (thread.startsWith("db-write")) return "writer"; // SQLite's db-writer, PostgreSQL's db-write-N
        if (thread.startsWith("Jetty") || thread.startsWith("qtp")) return "requests";
        if (thread.startsWith("mail-")) return "mail";
        if (thread.contains("Compiler")) return "JIT";
        // the serial collector collects on the VM thread
        if (thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.startsWith("VM ")) return "GC and VM";
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
