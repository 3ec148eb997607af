package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ServerProcess;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.Wait;

/** The server as its own process, killed and stopped the ways production servers are. */
@Tag("sqlite")
class CrashAndStopTest {
    private static final String STATEMENT = "/statements/regularisation-now";
    private static final String SIGN = STATEMENT + "/signatures";
    @TempDir
    Path dir;

    @Test
    void every_acknowledged_sign_on_survives_kill_9_in_the_middle_of_a_load() throws Exception {
        ServerProcess server = ServerProcess.start(dir, Map.of("DEMO_DATA", "true"));
        Browser browser = new Browser(server.base);
        Map<String, List<String>> form = SignOnForm.filled(browser.get(STATEMENT), "x", "BE", "x@example.org").fields();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean serverGone = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; !serverGone.get(); i++) {
                    String email = "org-" + thread + "-" + i + "@crash.example.org";
                    Map<String, List<String>> fields = new HashMap<>(form);
                    fields.put("organisation", List.of("Crash test " + thread + "-" + i));
                    fields.put("email", List.of(email));
                    try {
                        Page page = browser.post(SIGN, fields);
                        if (page.status() == 200 && page.h1().equals("Check your email")) acknowledged.add(email);
                    } catch (UncheckedIOException connectionLost) {
                        serverGone.set(true);
                    }
                }
            });
        }
        Wait.until("400 sign-ons acknowledged", Duration.ofSeconds(20), () -> acknowledged.size() >= 400);
        server.kill();
        serverGone.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);

        ServerProcess restarted = ServerProcess.start(dir, Map.of("DEMO_DATA", "false"));
        try {
            Jdbi db = Jdbi.create("jdbc:sqlite:" + dir.resolve("undersigned.db"));
            assertThat(db.withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()).toString()).isEqualTo("ok");
            Map<String, Integer> stored = db.withHandle(h -> h.createQuery(
                    "SELECT email, COUNT(*) AS n FROM signatures WHERE email LIKE '%@crash.example.org' GROUP BY email")
                    .reduceRows(new HashMap<>(), (m, row) -> {
                        m.put(row.getColumn("email", String.class), row.getColumn("n", Integer.class));
                        return m;
                    }));
            assertThat(stored.keySet()).containsAll(acknowledged);
            assertThat(stored.values()).allMatch(n -> n == 1);
            Set<String> mailed = Set.copyOf(db.withHandle(h -> h.createQuery(
                    "SELECT recipient FROM outbox WHERE recipient LIKE '%@crash.example.org'").mapTo(String.class).list()));
            assertThat(mailed).as("each acknowledged sign-on kept its confirmation mail").containsAll(acknowledged);
        } finally {
            restarted.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void sigterm_lets_the_request_in_flight_finish_and_stops_the_relay_cleanly() throws Exception {
        ServerProcess server = ServerProcess.start(dir, Map.of("DEMO_DATA", "true"));
        Map<String, List<String>> fields = SignOnForm.filled(new Browser(server.base).get(STATEMENT),
                "Slow Uplink Collective", "PT", "slow@uplink.example.org").fields();
        byte[] body = Browser.encode(fields).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", server.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + SIGN + " HTTP/1.1\r\nHost: localhost:" + server.port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            // the server holds the half-sent request (the metrics request that asks counts itself too)
            Wait.until("the request in flight", () -> server.metric("undersigned_http_requests_in_flight") >= 2);

            var stopping = Executors.newSingleThreadExecutor();
            var exit = stopping.submit(() -> server.terminate(Duration.ofSeconds(30)));
            Browser latecomers = new Browser(server.base);
            Wait.until("the server to turn new requests away", () -> latecomers.get(STATEMENT).status() == 503);
            assertThat(exit.isDone()).as("the server waits for the request in flight").isFalse();
            Page latecomer = latecomers.get(STATEMENT);
            assertThat(latecomer.status()).as("new requests are turned away while stopping").isEqualTo(503);
            assertThat(latecomer.header("Retry-After")).isEqualTo("5");
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("Check your email", "slow@uplink.example.org");
            assertThat(exit.get(30, TimeUnit.SECONDS)).as("exit code after SIGTERM").isIn(0, 143);
            stopping.shutdown();
        }
        assertThat(server.log()).contains("Mail relay stopped", "undersigned stopped cleanly").doesNotContain("Exception");
        Jdbi db = Jdbi.create("jdbc:sqlite:" + dir.resolve("undersigned.db"));
        int stored = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM signatures WHERE email = 'slow@uplink.example.org'")
                .mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
        String mail = db.withHandle(h -> h.createQuery("SELECT status FROM outbox WHERE recipient = 'slow@uplink.example.org'")
                .mapTo(String.class).one());
        assertThat(mail).as("the relay was not cut off mid-mail").isIn("queued", "sent");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
