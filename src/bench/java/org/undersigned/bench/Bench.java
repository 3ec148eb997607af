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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark of issue 6, run by src/bench/run.sh: starts the jar with a fresh database and
 * -Xmx256m and the serial collector (as the README's operations section runs it), drives it with
 * wrk over loopback, and prints every figure in one table. The phases are classes of their own
 * ({@link CeilingPhase}, {@link SignOnPhases}, {@link PagePhases}, {@link MailPhases}); this one
 * reads the command line, runs them in order and keeps the figures.
 */
public final class Bench {
    static final String STATEMENT = "/statements/regularisation-now";
    private final Path work;
    private final Path jar;
    private final String classpath;
    private final HttpClient http = HttpClient.newHttpClient();
    final Map<String, String> figures = new LinkedHashMap<>();
    private final Warming warming = new Warming(this);
    private final SignOnScripts scripts = new SignOnScripts(this);
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
            else if (args.length > 3 && args[3].equals("databases")) new DatabasesMode(bench).run(Integer.parseInt(args[2]),
                    args.length > 4 ? args[4] : "sqlite,postgresql,two");
            else if (args.length > 4 && args[3].equals("compare")) bench.compare(Integer.parseInt(args[2]), Path.of(args[4]).toAbsolutePath(),
                    args.length > 5 ? Integer.parseInt(args[5]) : 4);
            else bench.run(Integer.parseInt(args[2]));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    void figure(String name, String value) {
        figures.put(name, value);
        say(name.trim() + ": " + value);
    }

    private void run(int seconds) throws Exception {
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores; server JVM " + String.join(" ", JVM)
                + "; wrk over loopback; " + seconds + " s per phase");
        CeilingPhase ceilings = new CeilingPhase(this, classpath);
        ceilings.run(seconds);
        SignOnPhases signOnPhases = new SignOnPhases(this, ceilings);
        MailPhases mail = new MailPhases(this);
        int smtpPort = freePort();
        SmtpSink smtp = new SmtpSink(smtpPort);
        Path data = work.resolve("data");
        Server server = Server.start(this, data, smtpPort);
        try {
            // on two cores the JIT compilers keep a core busy for about a minute of this load; a server
            // that has run for a while is past that, so the figures are taken after it
            warming.warmUp(server, seconds);
            wrk(64, Math.max(3, seconds / 3), script("warm-page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n"), server.base() + STATEMENT);
            warming.settle(server, scripts.signOnScript(server, "settle", 0));
            signOnPhases.signOns(server, seconds);
            mail.drain(server, data, signOnPhases.mailSentDuringSignOns());
            signOnPhases.confirmations(server, smtp, seconds);
        } finally {
            server.stop();
        }
        figure("   errors and warnings in the server's log (phases 2, 5a, 2c)", server.troubleLogged() + " lines (" + server.log().getFileName() + ")");
        PagePhases.confirmTenThousand(data);
        PagePhases pages = new PagePhases(this);
        server = Server.start(this, data, smtpPort);
        try {
            say("warming up the restarted server (JIT) for 60 s: sign-ons, the page, its JSON");
            Path warmPage = script("warm-page.lua", "wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
            wrk(64, 30, scripts.signOnScript(server, "rewarm", 0), server.base());
            wrk(64, 20, warmPage, server.base() + STATEMENT);
            wrk(64, 10, warmPage, server.base() + "/api/v1/statements/regularisation-now");
            warming.settle(server, scripts.signOnScript(server, "resettle", 0));
            pages.pages(server, seconds);
            pages.pagesWhileSigning(server, seconds);
            mail.mailDelay(server, seconds, data);
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
                warming.warmUp(server, seconds);
                warming.settle(server, scripts.signOnScript(server, "settle", 0));
                new SignOnPhases(this, new CeilingPhase(this, classpath)).signOns(server, seconds); // no ceilings measured: their ratios read as infinite, as ever
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
                for (Server server : List.of(a, b)) warming.warmUp(server, seconds);
                for (Server server : List.of(a, b)) warming.settle(server, scripts.signOnScript(server, "settle", 0));
                List<Double> ratios = new ArrayList<>();
                for (int pair = 0; pair < pairs; pair++) {
                    Map<Server, Timed> round = new LinkedHashMap<>();
                    for (Server server : pair % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
                        for (Server either : List.of(a, b)) either.awaitEmptyOutbox();
                        round.put(server, Timed.run(this, server, seconds, scripts.signOnScript(server, "pair" + pair, 0)));
                    }
                    for (Server server : List.of(a, b)) {
                        Timed t = round.get(server);
                        say(String.format("pair %d %s: %s; %.2f ms per sign-on, the writer %.2f", pair + 1, server == a ? "A" : "B",
                                t.wrk().summary(), t.msPerRequest(), t.writerMsPerRequest()));
                    }
                    ratios.add(round.get(b).wrk().rps() / round.get(a).wrk().rps());
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

    /** The servers' peak resident memory so far, with this one's. */
    void peak(Server server) throws IOException {
        peakRssKb = Math.max(peakRssKb, server.peakRssKb());
    }

    Path work() {
        return work;
    }

    Path jar() {
        return jar;
    }

    HttpClient http() {
        return http;
    }

    Wrk wrk(int connections, int seconds, Path lua, String url) {
        return Wrk.run(connections, seconds, lua, url);
    }

    Path script(String name, String text) throws IOException {
        return scripts.script(name, text);
    }

    Path signOnScript(Server server, String prefix, int delayMs) throws Exception {
        return scripts.signOnScript(server, prefix, delayMs);
    }

    Path signOnScript(Server server, String prefix, int delayMs, long cycle) throws Exception {
        return scripts.signOnScript(server, prefix, delayMs, cycle);
    }

    Path confirmScript(String name, List<String> tokens, String formToken) throws IOException {
        return scripts.confirmScript(name, tokens, formToken);
    }

    /**
     * The server's JVM flags, as the README's operations section gives them: the heap limit the
     * issue sets, and the serial collector, which the JVM itself picks on a machine with one core
     * or under 1.8 GB of memory (this one has two cores and 24 GB, so it would pick G1). The
     * ceilings run with the same flags.
     */
    static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    static List<String> jvm(String... args) {
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

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
