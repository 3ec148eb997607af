package org.undersigned.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phase 1: the two ceilings a sign-on is measured against, run as processes of their own ({@link Ceiling}). */
final class CeilingPhase {
    private final Bench bench;
    private final String classpath;

    CeilingPhase(Bench bench, String classpath) {
        this.bench = bench;
        this.classpath = classpath;
    }

    // 1. the ceiling
    void run(int seconds) throws Exception {
        int port = Bench.freePort();
        Process noop = bench.java(Bench.jvm("-cp", classpath, Ceiling.class.getName(), "noop", String.valueOf(port)), Map.of(), bench.work().resolve("noop.log"));
        try {
            Bench.awaitPort(port);
            Path lua = bench.script("noop.lua", """
                    wrk.method = "POST"
                    wrk.body = "%s"
                    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
                    """.formatted("x=" + "y".repeat(300)));
            bench.wrk(64, Ceiling.WARM_UP_SECONDS, lua, "http://127.0.0.1:" + port + "/noop"); // the JIT first
            Wrk w = bench.wrk(64, seconds, lua, "http://127.0.0.1:" + port + "/noop");
            bench.figure("1a. ceiling: no-op POST, 64 connections", w.summary());
        } finally {
            noop.destroy();
            noop.waitFor();
        }
        Process inserts = bench.java(Bench.jvm("-cp", classpath, Ceiling.class.getName(), "inserts",
                bench.work().resolve("ceiling.db").toString(), String.valueOf(seconds), "64"), Map.of(), bench.work().resolve("inserts.log"));
        inserts.waitFor();
        String out = Files.readString(bench.work().resolve("inserts.log"));
        Matcher m = Pattern.compile("inserts/s (\\d+) commits (\\d+) writes (\\d+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("insert ceiling failed:\n" + out);
        ceilingInserts = Double.parseDouble(m.group(1));
        bench.figure("1b. ceiling: group-commit insert of signature + outbox rows", String.format("%.0f /s (%.1f per fsync)",
                ceilingInserts, Double.parseDouble(m.group(3)) / Double.parseDouble(m.group(2))));
        ceilingNoop = Wrk.parseRps(bench.figures.get("1a. ceiling: no-op POST, 64 connections"));
    }

    private double ceilingInserts;
    private double ceilingNoop;

    /** Group-committed inserts a second (1b). */
    double inserts() {
        return ceilingInserts;
    }

    /** No-op POSTs a second (1a). */
    double noop() {
        return ceilingNoop;
    }
}
