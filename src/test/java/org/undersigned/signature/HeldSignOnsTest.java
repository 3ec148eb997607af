package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.Config;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

/**
 * An office behind one address trips the rate limit: its sign-ons are held, the page says delivery
 * may be delayed (to everyone alike), and the held ones are mailed once the source has gone quiet.
 */
class HeldSignOnsTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    TestApp app;
    Mailbox mailbox;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private String start() {
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN))
                .toBuilder().rateLimits(new Config.RateLimits(2, 1000)).build();
        app = TestApp.start(config);
        mailbox = new Mailbox(greenMail);
        return app.statement("workshop");
    }

    @Test
    void a_workshop_over_the_limit_is_told_mail_may_be_delayed_and_gets_it_once_its_source_is_quiet() {
        String statement = start();
        for (int i = 0; i < 5; i++) {
            Page page = SignOnForm.sign(app.browser, statement, "Workshop " + i, "BE", "w" + i + "@example.org");
            assertThat(page.text()).contains("At busy times delivery can be delayed by an hour or more: your link will still work.");
        }
        mailbox.nth("w1@example.org", 1);
        app.awaitChores();
        assertThat(mailbox.all()).as("two within the limit, three held").hasSize(2);

        app.clock.advance(Duration.ofMinutes(20));
        SignOnForm.sign(app.browser, statement, "Workshop 5", "BE", "w5@example.org"); // under the minute's limit again: mailed
        mailbox.nth("w5@example.org", 1);
        app.clock.advance(Duration.ofMinutes(15));
        app.awaitChores();
        assertThat(mailbox.all()).as("the source signed 15 minutes ago: not quiet yet").hasSize(3);

        app.clock.advance(Duration.ofMinutes(16));
        app.awaitChores();
        assertThat(mailbox.all()).hasSize(6);
        confirmFrom("w4@example.org");
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Workshop 4");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect IS NOT NULL")).isZero();
    }

    @Test
    void a_source_that_keeps_signing_with_an_address_already_used_is_not_quiet() {
        String statement = start();
        for (int i = 0; i < 3; i++) SignOnForm.sign(app.browser, statement, "Workshop " + i, "BE", "w" + i + "@example.org");
        mailbox.nth("w1@example.org", 1);
        app.clock.advance(Duration.ofMinutes(20));
        SignOnForm.sign(app.browser, statement, "Workshop 0", "BE", "w0@example.org"); // a repeat: no new row, yet a sign-on
        app.clock.advance(Duration.ofMinutes(15));
        app.awaitChores();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).as("it signed 15 minutes ago").isEqualTo(1);

        app.clock.advance(Duration.ofMinutes(16));
        app.awaitChores();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect IS NOT NULL")).isZero();
    }

    @Test
    void a_flood_and_the_honeypot_stay_held_for_a_coordinator() {
        String statement = start();
        int flood = 2 + SuspectReview.GROUP_LIMIT + 1;
        for (int i = 0; i < flood; i++) SignOnForm.sign(app.browser, statement, "Flood " + i, "BE", "f" + i + "@example.org");
        app.clock.advance(Duration.ofMinutes(5));
        SignOnForm.filled(app.browser.get(statement), "Bot", "FR", "bot@example.org").set("contact_phone", "555").submit();

        app.clock.advance(Duration.ofHours(2));
        app.awaitChores();

        assertThat(mailbox.all().stream().filter(m -> !m.to().equals(TestApp.ADMIN_EMAIL)).map(ReceivedMail::to))
                .as("only the two within the limit (the admin was alerted)").containsExactlyInAnyOrder("f0@example.org", "f1@example.org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).isEqualTo(SuspectReview.GROUP_LIMIT + 1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'honeypot'")).isEqualTo(1);
    }

    private void confirmFrom(String address) {
        app.browser.get(mailbox.nth(address, 1).linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
    }
}
