package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;
import org.undersigned.support.Wait;

/**
 * deploy/haproxy.cfg run for real in front of two instances on one PostgreSQL database, with only
 * its addresses, ports and socket path changed: requests reach both, a sign-on and a login work
 * whichever instance each request lands on, haproxy's X-Forwarded-For gives the client's address,
 * and once one instance stops, every request still answers 200.
 */
@Tag("postgresql")
class LoadBalancerTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    private Process haproxy;
    private App second;
    private TestApp first;

    @AfterEach
    void stop() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(10, TimeUnit.SECONDS)) haproxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (second != null) second.stop();
        if (first != null) first.close();
    }

    @Test
    void two_instances_behind_haproxy_share_the_work_and_one_may_stop() throws Exception {
        Path binary = DeployFilesTest.tool("haproxy", "haproxy");
        int balancer = freePort();
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN))
                .toBuilder().baseUrl("http://127.0.0.1:" + balancer).trustedProxies(List.of("127.0.0.1")).build();
        first = TestApp.start(config);
        second = new App(config.toBuilder().port(freePort()).build(), first.clock).start();
        startHaproxy(binary, balancer, first.config.web().port(), second.port());
        Wait.until("haproxy to see both instances up", () -> "UP".equals(status("app1")) && "UP".equals(status("app2")));

        // a statement written once is the same page on each instance, and both take requests in turn
        String statement = first.statement("together", "Together we sign", "Text", "open");
        Browser direct1 = new Browser("http://127.0.0.1:" + first.config.web().port());
        Browser direct2 = new Browser("http://127.0.0.1:" + second.port());
        assertThat(direct1.get(statement).h1()).isEqualTo("Together we sign").isEqualTo(direct2.get(statement).h1());
        Map<String, Long> before = answered();
        for (int i = 0; i < 6; i++) assertThat(first.browser.get(statement).h1()).isEqualTo("Together we sign");
        Map<String, Long> after = answered();
        assertThat(after.get("app1") - before.get("app1")).as("requests answered by app1").isEqualTo(3);
        assertThat(after.get("app2") - before.get("app2")).as("requests answered by app2").isEqualTo(3);

        // a sign-on end to end, each request to whichever instance haproxy picks; both show it at once
        Page signed = SignOnForm.sign(first.browser, statement, "Balanced Org", "BE", "balanced@example.org");
        assertThat(signed.h1()).isEqualTo("Check your email");
        String confirm = new Mailbox(greenMail).nth("balanced@example.org", 1).linkTo("/confirm/");
        assertThat(confirm).startsWith("http://127.0.0.1:" + balancer + "/confirm/");
        assertThat(first.browser.get(confirm).form("form[action^=/confirm/]").submit().status()).isLessThan(400);
        assertThat(direct1.get(statement).document().select("#signatories li").eachText()).containsExactly("Balanced Org");
        assertThat(direct2.get(statement).document().select("#signatories li").eachText()).containsExactly("Balanced Org");

        // a coordinator's session is good on both instances
        Browser admin = first.admin();
        for (int i = 0; i < 4; i++) assertThat(admin.get("/admin").status()).as("the dashboard, logged in").isEqualTo(200);

        // the client's address is the one haproxy saw, whatever the client claims
        String form = Browser.encode(SignOnForm.filled(first.browser.get(statement), "Claims A", "BE", "a@example.org").fields());
        assertThat(postFrom("127.0.0.2", balancer, statement + "/signatures", form, "203.0.113.1")).isEqualTo(200);
        form = Browser.encode(SignOnForm.filled(first.browser.get(statement), "Claims B", "BE", "b@example.org").fields());
        assertThat(postFrom("127.0.0.2", balancer, statement + "/signatures", form, "203.0.113.2")).isEqualTo(200);
        form = Browser.encode(SignOnForm.filled(first.browser.get(statement), "Elsewhere", "BE", "c@example.org").fields());
        assertThat(postFrom("127.0.0.3", balancer, statement + "/signatures", form, null)).isEqualTo(200);
        assertThat(clientHash("Claims A")).as("one client, whatever it claims").isEqualTo(clientHash("Claims B"))
                .isNotEqualTo(clientHash("Elsewhere"));

        // one instance stops: requests go to the other meanwhile, and once haproxy marks it down
        second.stop();
        List<Integer> meanwhile = new ArrayList<>();
        Wait.until("haproxy to mark the stopped instance down", () -> {
            meanwhile.add(first.browser.get(statement).status());
            return "DOWN".equals(status("app2"));
        });
        assertThat(meanwhile).as("answers while haproxy was finding out").containsOnly(200);
        for (int i = 0; i < 10; i++) assertThat(first.browser.get(statement).status()).isEqualTo(200);
        assertThat(SignOnForm.sign(first.browser, statement, "Late Org", "FR", "late@example.org").h1()).isEqualTo("Check your email");
        assertThat(admin.get("/admin").status()).isEqualTo(200);
    }

    /** deploy/haproxy.cfg with only its ports and socket path changed, in the foreground (-db). */
    private void startHaproxy(Path binary, int balancer, int port1, int port2) throws IOException {
        String cfg = Files.readString(DeployFilesTest.HAPROXY_CONFIG, StandardCharsets.UTF_8);
        Map<String, String> changes = new HashMap<>(Map.of(
                "bind 127.0.0.1:7070", "bind 127.0.0.1:" + balancer,
                "server app1 127.0.0.1:7071", "server app1 127.0.0.1:" + port1,
                "server app2 127.0.0.1:7072", "server app2 127.0.0.1:" + port2,
                "stats socket /run/haproxy/admin.sock", "stats socket " + dir.resolve("admin.sock")));
        if (!"root".equals(System.getProperty("user.name"))) {
            // only root may chroot and change user; the rest of the file is the same
            changes.putAll(Map.of("    chroot /var/lib/haproxy\n", "", "    user haproxy\n", "", "    group haproxy\n", ""));
        }
        for (var change : changes.entrySet()) {
            assertThat(cfg).containsOnlyOnce(change.getKey());
            cfg = cfg.replace(change.getKey(), change.getValue());
        }
        Files.writeString(dir.resolve("haproxy.cfg"), cfg);
        haproxy = new ProcessBuilder(binary.toString(), "-f", dir.resolve("haproxy.cfg").toString(), "-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Wait.until("haproxy's stats socket", () -> {
            if (!haproxy.isAlive()) throw new AssertionError("haproxy exited: " + log());
            return Files.exists(dir.resolve("admin.sock"));
        });
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** haproxy's view of one server: UP, DOWN, or on its way ("UP 1/2"). */
    private String status(String server) {
        return stat(server, "status");
    }

    /** Responses each instance has given through haproxy so far. */
    private Map<String, Long> answered() {
        Map<String, Long> answered = new HashMap<>();
        for (String server : List.of("app1", "app2")) {
            long total = 0;
            for (String kind : List.of("hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other")) total += Long.parseLong(stat(server, kind));
            answered.put(server, total);
        }
        return answered;
    }

    /** One field of haproxy's "show stat" for a server of the instances' backend. */
    private String stat(String server, String field) {
        List<String> lines = command("show stat").lines().toList();
        List<String> header = List.of(lines.get(0).substring(2).split(","));
        for (String line : lines) {
            String[] values = line.split(",", -1);
            if (values.length > 1 && values[0].equals("instances") && values[1].equals(server)) return values[header.indexOf(field)];
        }
        throw new AssertionError("no server " + server + " in haproxy's stats:\n" + lines);
    }

    private String command(String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dir.resolve("admin.sock")));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("haproxy's stats socket: " + log(), e);
        }
    }

    /** A form posted from the given loopback address, with the X-Forwarded-For the client claims; the answer's status. */
    private static int postFrom(String from, int port, String path, String body, String claimed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n"
                    + (claimed == null ? "" : "X-Forwarded-For: " + claimed + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private String clientHash(String organisation) {
        return first.db().withHandle(h -> h.createQuery("SELECT client_hash FROM signatures WHERE organisation = :o")
                .bind("o", organisation).mapTo(String.class).one());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
