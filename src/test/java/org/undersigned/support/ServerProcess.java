package org.undersigned.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The app as its own JVM (the test classpath, Main), so a test can kill it like an operator or a power cut would. */
public final class ServerProcess {
    private final Process process;
    private final Path log;
    public final int port;
    public final String base;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    /**
     * Starts the server in dir, on the SQLite database there unless extraEnv names another
     * DATABASE_URL (extraEnv overrides every default here), and waits until /healthz answers.
     */
    public static ServerProcess start(Path dir, Map<String, String> extraEnv) throws IOException, InterruptedException {
        int port = freePort();
        Path log = dir.resolve("server-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dorg.slf4j.simpleLogger.log.org.undersigned=info", "-cp", System.getProperty("java.class.path"), "org.undersigned.Main")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.startsWith("JAVA"));
        env.putAll(Map.of("PORT", String.valueOf(port), "BASE_URL", "http://localhost:" + port,
                "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("undersigned.db"), "MAIL_DIR", dir.resolve("mail").toString(),
                "RATE_LIMIT_PER_MINUTE", "100000", "RATE_LIMIT_PER_HOUR", "1000000", "ALERT_PER_HOUR", "1000000"));
        env.putAll(new HashMap<>(extraEnv));
        ServerProcess server = new ServerProcess(builder.start(), log, port);
        server.awaitHealthy(Duration.ofSeconds(60));
        return server;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited at start:\n" + log());
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not become healthy:\n" + log());
    }

    /** A figure from the server's /metrics (read from loopback, as an operator's scraper on the host would); -1 when absent. */
    public double metric(String name) {
        try {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim())).findFirst().orElse(-1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an init system sends on stop; returns the exit code. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within " + patience + ":\n" + log());
        }
        return process.exitValue();
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
