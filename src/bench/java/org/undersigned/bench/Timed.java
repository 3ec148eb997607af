package org.undersigned.bench;

import java.nio.file.Path;

/** A wrk run at 64 connections, with the server's processor time per request: in all, and the writer's. */
record Timed(Wrk wrk, double msPerRequest, double writerMsPerRequest) {
    static Timed run(Bench bench, Server server, int seconds, Path lua) throws Exception {
        double cpuBefore = server.cpuSeconds();
        double writerBefore = server.cpuByPart().get("writer");
        Wrk w = bench.wrk(64, seconds, lua, server.base());
        double cpu = server.cpuSeconds() - cpuBefore;
        double writer = server.cpuByPart().get("writer") - writerBefore;
        double requests = Math.max(1, w.requests());
        return new Timed(w, 1000 * cpu / requests, 1000 * writer / requests);
    }
}
