package org.undersigned.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One or more servers of the same jar on one database, as behind a load balancer: wrk's
 * connections are split between them (one wrk per server, all at once), their counters summed.
 */
record Instances(List<Server> servers, String databaseUrl) {
    /** One after another: the first migrates the database and seeds it, the others find it ready. */
    static Instances start(Bench bench, int count, String databaseUrl, Path data, int smtpPort) throws Exception {
        List<Server> servers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) servers.add(Server.start(bench, bench.jar(), data.resolve("instance-" + (i + 1)), smtpPort, databaseUrl));
        } catch (Exception | Error e) {
            for (Server server : servers) server.stop();
            throw e;
        }
        return new Instances(List.copyOf(servers), databaseUrl);
    }

    /** What to tell a server's script apart by: its addresses start with prefix + suffix, so two servers never sign the same ones. */
    String suffix(Server server) {
        return servers.size() == 1 ? "" : "-" + (char) ('a' + servers.indexOf(server));
    }

    interface Script {
        Path of(Server server) throws Exception;
    }

    /** wrk on every server at once, the connections split evenly; rates summed, the worse percentiles. */
    Wrk wrk(Bench bench, int connections, int seconds, Script script, String path) throws Exception {
        // a thread each: the common pool has a single thread on two cores and would run them one after the other
        ExecutorService threads = Executors.newFixedThreadPool(servers.size());
        try {
            List<CompletableFuture<Wrk>> runs = new ArrayList<>();
            for (Server server : servers) {
                Path lua = script.of(server);
                runs.add(CompletableFuture.supplyAsync(() -> bench.wrk(connections / servers.size(), seconds, lua, server.base() + path), threads));
            }
            return Wrk.together(runs.stream().map(CompletableFuture::join).toList());
        } finally {
            threads.shutdown();
        }
    }

    /** A counter of every server, summed. */
    double metric(String name) throws Exception {
        double sum = 0;
        for (Server server : servers) sum += server.metric(name);
        return sum;
    }

    /** A figure read from the database, the same through every server (the outbox's depth). */
    double shared(String name) throws Exception {
        return servers.get(0).metric(name);
    }

    double cpuSeconds() throws IOException {
        double sum = 0;
        for (Server server : servers) sum += server.cpuSeconds();
        return sum;
    }

    /** Processor time by part (request threads, writer, mail, JIT, GC and VM, other), summed over the servers. */
    Map<String, Double> cpuByPart() throws IOException {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (Server server : servers) server.cpuByPart().forEach((part, seconds) -> parts.merge(part, seconds, Double::sum));
        return parts;
    }

    void awaitEmptyOutbox() throws Exception {
        servers.get(0).awaitEmptyOutbox();
    }

    /** Waits until a counter has stood still for a second: writes queued when wrk stopped have committed. */
    void awaitQuiet(String counter) throws Exception {
        double last;
        double now = metric(counter);
        do {
            last = now;
            Thread.sleep(1000);
            now = metric(counter);
        } while (now != last);
    }

    long peakRssKb() throws IOException {
        long peak = 0;
        for (Server server : servers) peak = Math.max(peak, server.peakRssKb());
        return peak;
    }

    long troubleLogged() throws IOException {
        long lines = 0;
        for (Server server : servers) lines += server.troubleLogged();
        return lines;
    }

    void stop() throws InterruptedException {
        for (Server server : servers) server.stop();
    }
}
