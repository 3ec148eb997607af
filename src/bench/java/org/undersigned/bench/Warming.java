package org.undersigned.bench;

import java.nio.file.Path;

/** Before figures are taken: the JIT's warm-up under full load, then settling under a light one. */
final class Warming {
    private final Bench bench;

    Warming(Bench bench) {
        this.bench = bench;
    }

    /**
     * Sign-ons at full load for a minute (or a phase, if longer), as the phases will drive them:
     * the JIT compiles the paths they take. Its addresses start with "warm-": phase 2c warms up on
     * their confirmation links.
     */
    void warmUp(Server server, int seconds) throws Exception {
        int warmUp = seconds(seconds);
        Bench.say("warming up the server (JIT) for " + warmUp + " s");
        bench.wrk(64, warmUp, bench.signOnScript(server, "warm", 0), server.base());
    }

    /** BENCH_WARM_UP=seconds shortens the warm-up, and settling to one round, for smoke runs whose figures mean nothing. */
    private static final String SHORT = System.getenv("BENCH_WARM_UP");

    /** How long to warm up before phases of this length. */
    static int seconds(int phaseSeconds) {
        return SHORT != null ? Integer.parseInt(SHORT) : Math.max(60, phaseSeconds);
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
    void settle(Server server, Path load) throws Exception {
        long start = System.nanoTime();
        double compiling = 0;
        for (int round = 0; round < (SHORT != null ? 1 : 24); round++) {
            double before = server.compilerSeconds();
            bench.wrk(4, 5, load, server.base());
            double spent = server.compilerSeconds() - before;
            compiling += spent;
            if (spent < 0.05) break;
        }
        Bench.say(String.format("the JIT compilers settled under a light load in %.0f s (%.1f s of their processor time)",
                (System.nanoTime() - start) / 1e9, compiling));
        server.awaitEmptyOutbox();
    }
}
