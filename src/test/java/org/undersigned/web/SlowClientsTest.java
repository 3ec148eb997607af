package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.LogCapture;
import org.undersigned.support.TestApp;
import org.undersigned.support.Wait;

/**
 * Clients that hold connections open to starve the request threads: a trickled body or header is
 * cut off once the request deadline passes, and one address gets only its share of connections
 * while everyone else is still served.
 */
// connections are cut before any request reaches the database: one pass is enough
@Tag("sqlite")
class SlowClientsTest extends AppTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final int PER_CLIENT = 3;

    private void restartWith(List<String> trustedProxies) {
        app.close();
        app = TestApp.start(TestApp.config(dir, null).toBuilder().requestDeadline(DEADLINE).connectionsPerClient(PER_CLIENT)
                .trustedProxies(trustedProxies).build());
    }

    @Test
    void a_body_trickled_a_byte_at_a_time_is_cut_off_at_the_deadline() throws Exception {
        restartWith(List.of());
        String statement = app.statement("trickled");
        try (LogCapture log = new LogCapture(); Socket socket = connect("127.0.0.1")) {
            long start = System.nanoTime();
            write(socket, "POST " + statement + "/signatures HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\norganisation=");
            String answer = trickleUntilClosed(socket, "x");
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(answer).as("what the server sent back").satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 400 "));
            assertThat(took).as("ms until the connection closed").isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 5000);
            Wait.until("the cut-off to be counted", () -> app.browser.get("/metrics").body().contains("undersigned_requests_cut_off_total 1.0"));
            // the thread that was waiting for the body is free again: only the /metrics request itself is in flight
            Wait.until("the request to end", () -> app.browser.get("/metrics").body().contains("undersigned_http_requests_in_flight 1.0"));
            assertThat(log.text()).as("the log").doesNotContain("\tat ").doesNotContain("ERROR");
        }
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();
        assertThat(app.browser.get(statement).status()).as("everyone else meanwhile").isEqualTo(200);
    }

    @Test
    void headers_trickled_a_byte_at_a_time_are_cut_off_at_the_deadline() throws Exception {
        restartWith(List.of());
        try (Socket socket = connect("127.0.0.1")) {
            long start = System.nanoTime();
            write(socket, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            trickleUntilClosed(socket, "a");
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(took).as("ms until the connection closed").isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 5000);
        }
    }

    @Test
    void an_address_holds_only_its_share_of_connections_while_others_are_served() throws Exception {
        restartWith(List.of());
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                Socket socket = connect("127.0.0.3");
                held.add(socket);
                assertThat(exchange(socket)).as("connection %d of the address", i + 1).startsWith("HTTP/1.1 200 ");
            }
            try (Socket oneMore = connect("127.0.0.3")) {
                assertThat(refused(oneMore)).as("a connection beyond the address's share is closed unanswered").isTrue();
            }
            try (Socket other = connect("127.0.0.4")) {
                assertThat(exchange(other)).as("another address meanwhile").startsWith("HTTP/1.1 200 ");
            }
            assertThat(app.browser.get("/metrics").body()).contains("undersigned_connections_refused_total 1.0");

            held.remove(0).close(); // one of the address's connections ends: the address may open one again
            Wait.until("the address to be served again", () -> {
                try (Socket again = connect("127.0.0.3")) {
                    return !refused(again);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            for (Socket socket : held) socket.close();
        }
    }

    /** Behind a proxy every client has the proxy's address: its connections are not capped (the proxy caps its clients). */
    @Test
    void a_trusted_proxy_is_not_capped() throws Exception {
        restartWith(List.of("127.0.0.5"));
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT * 3; i++) {
                Socket socket = connect("127.0.0.5");
                held.add(socket);
                assertThat(exchange(socket)).as("connection %d of the proxy", i + 1).startsWith("HTTP/1.1 200 ");
            }
        } finally {
            for (Socket socket : held) socket.close();
        }
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), app.config.web().port(), InetAddress.getByName(from), 0);
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Sends a byte every 200 ms (the sleep is the attack itself) until the server closes the
     * connection; what it sent back meanwhile.
     */
    private static String trickleUntilClosed(Socket socket, String piece) throws Exception {
        socket.setSoTimeout(200);
        StringBuilder answer = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < 100; i++) {
            try {
                int b = in.read();
                if (b < 0) return answer.toString();
                answer.append((char) b);
                continue;
            } catch (java.net.SocketTimeoutException stillOpen) {
                // nothing yet: send the next byte
            } catch (SocketException reset) {
                return answer.toString();
            }
            try {
                write(socket, piece);
            } catch (SocketException closed) {
                return answer.toString();
            }
        }
        throw new AssertionError("still open after 20 s of trickling");
    }

    /** One request on a kept-alive connection; the answer's head. */
    private static String exchange(Socket socket) throws IOException {
        write(socket, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.1\r\n\r\n");
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) return head.toString();
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow().substring(15).trim());
        in.readNBytes(length);
        return head.toString();
    }

    /** Whether the server closed the connection without answering a request sent on it. */
    private static boolean refused(Socket socket) throws IOException {
        try {
            return exchange(socket).isEmpty();
        } catch (SocketException reset) {
            return true;
        }
    }
}
