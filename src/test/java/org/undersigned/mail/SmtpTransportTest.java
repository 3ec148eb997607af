package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.undersigned.Config;

/** The SMTP transport on its own: connections share one write timer, and a stuck write still fails. */
class SmtpTransportTest {

    @Test
    void mails_sent_at_once_over_several_connections_all_arrive() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        server.start();
        try (SmtpTransport transport = transport(server.getSmtp().getPort(), 20_000)) {
            ExecutorService senders = Executors.newFixedThreadPool(MailRelay.CONNECTIONS);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                QueuedMail mail = mail(i, "reader" + i + "@example.org", "Hello " + i);
                sends.add(senders.submit(() -> {
                    transport.send(mail);
                    return null;
                }));
            }
            for (Future<?> send : sends) send.get();
            senders.shutdown();
            assertThat(server.waitForIncomingEmail(10_000, 12)).isTrue();
            List<String> to = new ArrayList<>();
            for (MimeMessage message : server.getReceivedMessages()) to.add(message.getAllRecipients()[0].toString());
            assertThat(to).hasSize(12).contains("reader0@example.org", "reader11@example.org");
        } finally {
            server.stop();
        }
    }

    @Test
    void a_mail_server_that_stops_reading_fails_the_send_in_time_as_passing_trouble() throws Exception {
        try (StalledSmtpServer stalled = new StalledSmtpServer(); SmtpTransport transport = transport(stalled.port(), 1_000)) {
            // far more than the sockets' buffers hold, so the write blocks once the server stops reading
            QueuedMail big = mail(1, "reader@example.org", "x".repeat(32 * 1024 * 1024));
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> transport.send(big))
                    .isInstanceOfSatisfying(MailFailure.class, failure -> assertThat(failure.permanent()).isFalse()));
            assertThat(stalled.dataStarted).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void an_address_the_mail_library_cannot_use_is_a_permanent_failure_that_does_not_name_it() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        server.start();
        try (SmtpTransport transport = transport(server.getSmtp().getPort(), 20_000)) {
            assertThatThrownBy(() -> transport.send(mail(1, "jane.q.public@@mailbox.test", "Hello")))
                    .isInstanceOfSatisfying(MailFailure.class, failure -> {
                        assertThat(failure.permanent()).isTrue();
                        assertThat(failure.getMessage()).doesNotContain("jane").doesNotContain("mailbox.test");
                    });
        } finally {
            server.stop();
        }
    }

    @Test
    void a_refusal_is_described_by_its_codes_alone() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer("550 5.1.1 {local}... User unknown at <{address}>");
             SmtpTransport transport = transport(refusing.port(), 20_000)) {
            assertThatThrownBy(() -> transport.send(mail(1, "jane.q.public@mailbox.test", "Hello")))
                    .isInstanceOfSatisfying(MailFailure.class, failure -> {
                        assertThat(failure.permanent()).isTrue();
                        assertThat(failure.getMessage()).contains("550 5.1.1").doesNotContain("jane").doesNotContain("mailbox.test");
                    });
        }
    }

    private static SmtpTransport transport(int port, int timeoutMillis) {
        return new SmtpTransport(new Config.Smtp("127.0.0.1", port, null, null, Config.Transport.PLAIN),
                new EmailFactory("undersigned@example.org"), timeoutMillis);
    }

    private static QueuedMail mail(long id, String to, String text) {
        return new QueuedMail(id, to, "Subject " + id, text, "<p>" + id + "</p>", "", 0, null);
    }

    /** Speaks SMTP until the message's data begins, then never reads again (nor closes). */
    private static final class StalledSmtpServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> clients = new ArrayList<>();
        volatile boolean dataStarted;

        StalledSmtpServer() throws IOException {
            Thread thread = new Thread(this::serve, "stalled-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            try {
                Socket client = socket.accept();
                synchronized (clients) {
                    clients.add(client);
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                out.write("220 stalled ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.toUpperCase();
                    if (command.startsWith("EHLO")) out.write("250 stalled\r\n".getBytes(StandardCharsets.US_ASCII));
                    else if (command.startsWith("DATA")) {
                        out.write("354 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                        dataStarted = true;
                        return; // and read nothing more
                    } else out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (clients) {
                for (Socket client : clients) client.close();
            }
        }
    }
}
