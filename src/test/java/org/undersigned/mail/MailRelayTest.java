package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.Config;
import org.undersigned.support.Mailbox;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;
import org.undersigned.support.Wait;

class MailRelayTest {
    @TempDir
    Path dir;
    TestApp app;
    GreenMail greenMail;

    @AfterEach
    void stop() {
        if (app != null) app.close();
        if (greenMail != null) greenMail.stop();
    }

    @Test
    void mail_queued_while_the_smtp_server_is_down_is_delivered_once_when_it_comes_back() throws Exception {
        int smtpPort = freePort();
        app = TestApp.start(dir, smtpPort);
        String statement = app.statement("down");

        assertThat(SignOnForm.sign(app.browser, statement, "Patient Org", "BE", "patient@example.org").status()).isEqualTo(200);
        waitUntil(() -> app.count("SELECT COUNT(*) FROM outbox WHERE attempts >= 2 AND status = 'queued'") == 1);
        Map<String, Object> queued = app.db().withHandle(h -> h.createQuery("SELECT text_body, draft FROM outbox").mapToMap().one());
        assertThat(queued).as("queued as a draft, rendered when sent").containsEntry("text_body", "");
        assertThat((String) queued.get("draft")).contains("\"template\":\"confirm\"", "Patient Org").hasSizeLessThan(1000);

        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        greenMail.start();
        Mailbox mailbox = new Mailbox(greenMail);
        String link = mailbox.nth("patient@example.org", 1).linkTo("/confirm/");
        app.awaitOutboxSettled();

        assertThat(mailbox.all()).hasSize(1);
        assertThat(mailbox.nth("patient@example.org", 1).subject()).contains("Confirm");
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery("SELECT status, text_body, draft FROM outbox").mapToMap().one());
        assertThat(row).containsEntry("status", "sent").containsEntry("text_body", "").containsEntry("draft", null);
        assertThat(app.browser.get(link).status()).isEqualTo(200);
    }

    @Test
    void a_draft_that_cannot_be_rendered_is_given_up_with_its_reason_and_the_other_mail_still_goes() throws Exception {
        int smtpPort = freePort();
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        greenMail.start();
        app = TestApp.start(dir, smtpPort);
        // as a draft queued by an older version could be, for a template this version no longer has; queued now, for a
        // mail queued in 1970 would be given up and then forgotten by the mail log's housekeeping (every 200 ms here) at once
        long now = app.clock.millis();
        app.db().useHandle(h -> h.execute("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, draft, status, next_attempt_at, created_at)
                VALUES ('old@example.org', '', '', '', '{"template":"gone","locale":"en","model":{}}', 'queued', ?, ?)""", now, now));
        SignOnForm.sign(app.browser, app.statement("gone"), "Current Org", "BE", "current@example.org");

        Mailbox mailbox = new Mailbox(greenMail);
        mailbox.nth("current@example.org", 1).linkTo("/confirm/");
        waitUntil(() -> app.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'") == 1);
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery(
                "SELECT recipient, last_error, draft FROM outbox WHERE status = 'failed'").mapToMap().one());
        assertThat(row).containsEntry("recipient", "old@example.org").containsEntry("draft", null);
        assertThat((String) row.get("last_error")).startsWith("cannot render the mail").contains("gone");
        app.awaitOutboxSettled();
        assertThat(mailbox.all()).extracting(m -> m.to()).containsExactly("current@example.org");
    }

    @Test
    void a_restart_in_the_middle_loses_no_mail() throws Exception {
        int smtpPort = freePort();
        app = TestApp.start(dir, smtpPort);
        String statement = app.statement("restart");
        for (String org : List.of("one", "two", "three")) {
            SignOnForm.sign(app.browser, statement, "Org " + org, "BE", org + "@example.org");
        }
        app.restart();

        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        greenMail.start();
        Mailbox mailbox = new Mailbox(greenMail);
        mailbox.await(3);
        app.awaitOutboxSettled();
        assertThat(mailbox.all()).extracting(m -> m.to()).containsExactlyInAnyOrder("one@example.org", "two@example.org", "three@example.org");

        app.browser.get(mailbox.nth("two@example.org", 1).linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Org two");
    }

    @Test
    void a_permanent_refusal_of_the_address_is_given_up_after_one_attempt() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer("550 5.1.1 <{address}>: Recipient address rejected: User unknown")) {
            app = TestApp.start(dir, refusing.port());
            SignOnForm.sign(app.browser, app.statement("refused"), "Bounced Org", "BE", "nobody@example.org");

            waitUntil(() -> app.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'") == 1);
            Map<String, Object> row = app.db().withHandle(h -> h.createQuery("SELECT attempts, last_error FROM outbox").mapToMap().one());
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) row.get("last_error")).contains("550 5.1.1").doesNotContain("nobody");
            // a later mail is tried and refused in turn: the relay went on, and the first was not tried again
            SignOnForm.sign(app.browser, "/statements/refused", "Later Org", "BE", "later@example.org");
            waitUntil(() -> app.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'") == 2);
            assertThat(refusing.recipientsRefused.get()).isEqualTo(2);
        }
    }

    @Test
    void an_address_the_mail_library_cannot_use_is_given_up_after_one_attempt() throws Exception {
        int smtpPort = freePort();
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        greenMail.start();
        app = TestApp.start(dir, smtpPort);
        long now = app.clock.millis(); // as a row queued before the sign-on's checks were as strict as they are now could be
        app.db().useHandle(h -> h.execute("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, status, next_attempt_at, created_at)
                VALUES ('odd@@example.org', 'Subject', 'Text', '<p>Text</p>', 'queued', ?, ?)""", now, now));

        waitUntil(() -> app.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'") == 1);
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery("SELECT attempts, last_error FROM outbox").mapToMap().one());
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("MailInvalidAddressException").doesNotContain("odd");
    }

    @Test
    void a_passing_refusal_of_the_address_is_tried_again_later() throws Exception {
        try (RefusingSmtpServer deferring = new RefusingSmtpServer("451 4.2.0 <{address}>: greylisted, try again later")) {
            app = TestApp.start(dir, deferring.port());
            SignOnForm.sign(app.browser, app.statement("deferred"), "Greylisted Org", "BE", "grey@example.org");

            // three tries (the second and third after their backoff), and still waiting for the next
            waitUntil(() -> deferring.recipientsRefused.get() >= 3
                    && app.count("SELECT COUNT(*) FROM outbox WHERE attempts >= 3 AND status = 'queued'") == 1);
            assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'")).isZero();
            String error = app.db().withHandle(h -> h.createQuery("SELECT last_error FROM outbox").mapTo(String.class).one());
            assertThat(error).contains("451 4.2.0").doesNotContain("grey@");
        }
    }

    @Test
    void without_smtp_the_mail_is_written_as_an_eml_file_whose_link_confirms() throws Exception {
        Config config = TestApp.config(dir, null);
        app = TestApp.start(config);
        String statement = app.statement("laptop");
        SignOnForm.sign(app.browser, statement, "Laptop Org", "BE", "laptop@example.org");

        waitUntil(() -> emlFiles(config.mail().dir()).size() == 1);
        String eml = Files.readString(emlFiles(config.mail().dir()).get(0));
        assertThat(eml).contains("To: laptop@example.org");
        Matcher link = Pattern.compile("http://localhost:\\d+/confirm/[A-Za-z0-9_-]+").matcher(eml);
        assertThat(link.find()).isTrue();

        app.browser.get(link.group()).form("form[action^=/confirm/]").submit();
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Laptop Org");
    }

    private static List<Path> emlFiles(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Wait.until("the outbox to change", condition);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
