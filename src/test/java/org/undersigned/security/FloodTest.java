package org.undersigned.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.Config;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Floods are absorbed, not obeyed: over the limit a sign-on looks accepted but is kept aside for review. */
class FloodTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    TestApp app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private TestApp start(Config.RateLimits limits, java.util.List<String> trustedProxies) {
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN))
                .toBuilder().rateLimits(limits).trustedProxies(trustedProxies).build();
        app = TestApp.start(config);
        return app;
    }

    @Test
    void sign_ons_over_the_rate_limit_get_the_same_page_but_are_kept_aside_until_released() {
        start(new Config.RateLimits(3, 100), java.util.List.of());
        String statement = app.statement("flooded");
        Mailbox mailbox = new Mailbox(greenMail);
        String firstPage = null;
        for (int i = 0; i < 6; i++) {
            Page page = SignOnForm.sign(app.browser, statement, "Flood " + i, "BE", "flood" + i + "@example.org");
            assertThat(page.status()).isEqualTo(200);
            String main = page.document().select("main").text().replace("flood" + i + "@", "X@");
            if (firstPage == null) firstPage = main;
            assertThat(main).isEqualTo(firstPage);
        }
        mailbox.nth("flood2@example.org", 1);
        app.awaitOutboxSettled();
        assertThat(mailbox.all()).as("only the first three were mailed").hasSize(3);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).isEqualTo(3);

        Browser admin = app.admin();
        assertThat(admin.get("/admin").document().select("table.admin-table tbody tr td.num").eachText()).containsExactly("0", "– no approval asked", "3", "3", "0"); // listed, awaiting (none asked), held, pending, withdrawn
        Form review = admin.get("/admin/statements/flooded?status=suspect").form("form#moderation");
        review.fields().put("ids", app.db().withHandle(h -> h.createQuery(
                "SELECT id FROM signatures WHERE organisation IN ('Flood 3', 'Flood 4')").mapTo(String.class).list()));
        review.set("decision", "release").submit();
        Form discard = admin.get("/admin/statements/flooded?status=suspect").form("form#moderation");
        discard.fields().put("ids", app.db().withHandle(h -> h.createQuery(
                "SELECT id FROM signatures WHERE organisation = 'Flood 5'").mapTo(String.class).list()));
        discard.set("decision", "discard").submit();

        var released = mailbox.nth("flood3@example.org", 1);
        app.browser.get(released.linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Flood 3");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Flood 5'")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('release', 'discard')")).isEqualTo(3);

        app.clock.advance(Duration.ofHours(2));
        SignOnForm.sign(app.browser, statement, "Later", "BE", "later@example.org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Later' AND suspect IS NULL")).as("the window passes").isEqualTo(1);
    }

    @Test
    void unusual_activity_raises_one_alert_mail_and_shows_on_the_dashboard() {
        start(new Config.RateLimits(1000, 10_000, 3), java.util.List.of());
        String statement = app.statement("watched", "Watched statement", "Text", "open");
        Mailbox mailbox = new Mailbox(greenMail);
        // exactly the threshold of 3: the watch's first look (are there that many sign-ons this hour at all?) lets it through
        for (int i = 0; i < 3; i++) SignOnForm.sign(app.browser, statement, "Troll Org", "BE", "troll" + i + "@trolls.example");
        var alert = mailbox.nth(TestApp.ADMIN_EMAIL, 1);
        assertThat(alert.subject()).isEqualTo("Unusual activity on Watched statement");
        assertThat(alert.text()).contains("sign-ons in an hour from one client address",
                "sign-ons in an hour from addresses at trolls.example", "sign-ons in an hour under the name \"troll org\"");

        SignOnForm.sign(app.browser, statement, "Troll Org", "BE", "troll9@trolls.example");
        app.awaitTrendWatch();
        assertThat(mailbox.to(TestApp.ADMIN_EMAIL)).as("one alert, not one per sign-on").hasSize(1);
        assertThat(app.admin().get("/admin").document().select(".alerts li").eachText())
                .anyMatch(line -> line.contains("Watched statement") && line.contains("trolls.example"));
    }

    @Test
    void signing_again_with_an_address_kept_aside_mails_it_nothing() {
        start(new Config.RateLimits(1, 100), java.util.List.of());
        String statement = app.statement("flooded-again");
        Mailbox mailbox = new Mailbox(greenMail);
        SignOnForm.sign(app.browser, statement, "First Org", "BE", "first@example.org");
        for (int i = 0; i < 3; i++) {
            Page page = SignOnForm.sign(app.browser, statement, "Victim Org", "BE", "victim@example.org");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.h1()).isEqualTo("Check your email");
        }
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).isEqualTo(1);
        mailbox.nth("first@example.org", 1);
        app.awaitOutboxSettled();
        assertThat(mailbox.to("victim@example.org")).as("a flood cannot mail its victim by repeating the address").isEmpty();
        assertThat(app.count("SELECT mails_sent FROM signatures WHERE email = 'victim@example.org'")).isZero();
    }

    @Test
    void a_repeat_sign_on_counts_against_the_clients_rate_limit_as_a_new_one_does() {
        start(new Config.RateLimits(1000, 3), java.util.List.of());
        String statement = app.statement("repeated");
        for (int i = 0; i < 3; i++) SignOnForm.sign(app.browser, statement, "Same Org", "BE", "same@example.org");
        SignOnForm.sign(app.browser, statement, "Next Org", "BE", "next@example.org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Next Org' AND suspect = 'rate'"))
                .as("one sign-on and two repeats used the hour's three").isEqualTo(1);
        // the trace of a repeat serves the limits' hour only
        app.clock.advance(Duration.ofMinutes(61));
        app.awaitChores();
        assertThat(app.count("SELECT COUNT(*) FROM sign_on_repeats")).isZero();
    }

    @Test
    void beyond_its_ceiling_a_client_stores_nothing_more_sees_the_same_page_and_is_counted() {
        start(new Config.RateLimits(1000, 3).withCeilings(8, 1000), java.util.List.of());
        String statement = app.statement("ceiling", "Ceiling statement", "Text", "open");
        String firstPage = null;
        for (int i = 0; i < 14; i++) {
            Page page = SignOnForm.sign(app.browser, statement, "Flood " + i, "BE", "flood" + i + "@example.org");
            assertThat(page.status()).isEqualTo(200);
            String main = page.document().select("main").text().replace("flood" + i + "@", "X@");
            if (firstPage == null) firstPage = main;
            assertThat(main).as("sign-on " + i).isEqualTo(firstPage);
        }
        // repeats over the ceiling leave no trace either
        Page repeat = SignOnForm.sign(app.browser, statement, "Flood 0", "BE", "flood0@example.org");
        assertThat(repeat.document().select("main").text().replace("flood0@", "X@")).isEqualTo(firstPage);

        assertThat(app.count("SELECT COUNT(*) FROM signatures")).as("stored up to the ceiling").isEqualTo(8);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).isEqualTo(5);
        assertThat(app.count("SELECT COUNT(*) FROM sign_on_repeats")).isZero();
        assertThat(app.count("SELECT SUM(count) FROM dropped_sign_ons")).isEqualTo(7);
        assertThat(app.browser.get("/metrics").body())
                .contains("undersigned_sign_ons_total{kind=\"statement\",outcome=\"dropped\"} 7.0",
                        "undersigned_sign_ons_total{kind=\"statement\",outcome=\"suspect\"} 5.0");

        Mailbox mailbox = new Mailbox(greenMail);
        var alert = mailbox.nth(TestApp.ADMIN_EMAIL, 1);
        assertThat(alert.subject()).isEqualTo("Unusual activity on Ceiling statement");
        // the watch may look mid-flood: the alert counts what was dropped by then
        assertThat(alert.text()).containsPattern(
                "(?m)^- [1-7] sign-ons? in an hour not stored at all: their client, or the held sign-ons of the hour, had reached the ceiling\\R");
        assertThat(app.admin().get("/admin").document().select(".alerts li").eachText())
                .anyMatch(line -> line.contains("Ceiling statement") && line.contains(" in an hour not stored at all"));

        app.clock.advance(Duration.ofMinutes(61));
        SignOnForm.sign(app.browser, statement, "Next hour", "BE", "next@example.org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Next hour' AND suspect IS NULL")).isEqualTo(1);
    }

    @Test
    void the_held_sign_ons_a_petition_stores_in_an_hour_are_bounded() {
        start(new Config.RateLimits(1000, 1).withCeilings(100, 4), java.util.List.of("127.0.0.0/8", "::1"));
        String statement = app.statement("bounded");
        for (int i = 0; i < 6; i++) {
            signVia(statement, "Honest " + i, "h" + i + "@example.org", "198.51.100." + i);
            signVia(statement, "Second " + i, "s" + i + "@example.org", "198.51.100." + i);
        }
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect IS NULL")).as("a client's first is never dropped").isEqualTo(6);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).as("the bound of held ones").isEqualTo(4);
        assertThat(app.count("SELECT SUM(count) FROM dropped_sign_ons")).isEqualTo(2);
        // the bound is per petition: another takes its own
        String other = app.statement("other-bounded");
        signVia(other, "Elsewhere 1", "e1@example.org", "198.51.100.0");
        signVia(other, "Elsewhere 2", "e2@example.org", "198.51.100.0");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Elsewhere 2' AND suspect = 'rate'")).isEqualTo(1);
        // and per hour
        app.clock.advance(Duration.ofMinutes(61));
        signVia(statement, "Third 0", "t0@example.org", "198.51.100.0");
        signVia(statement, "Third 1", "t1@example.org", "198.51.100.0");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Third 1' AND suspect = 'rate'")).isEqualTo(1);
    }

    @Test
    void a_filled_honeypot_is_kept_aside_silently() {
        start(new Config.RateLimits(1000, 10_000), java.util.List.of());
        String statement = app.statement("honey");
        Page page = SignOnForm.filled(app.browser.get(statement), "Bot Org", "BE", "bot@example.org").set("contact_phone", "+32 555").submit();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Check your email");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'honeypot'")).isEqualTo(1);
        app.awaitOutboxSettled();
        assertThat(app.count("SELECT COUNT(*) FROM outbox")).as("nothing queued").isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void x_forwarded_for_is_believed_only_from_a_trusted_proxy() {
        start(new Config.RateLimits(2, 100), java.util.List.of("127.0.0.0/8", "::1"));
        String statement = app.statement("proxied");
        // behind the trusted proxy, each forwarded client has its own limit
        for (int i = 0; i < 4; i++) signVia(statement, "Client " + i, "c" + i + "@example.org", "198.51.100." + i);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect IS NOT NULL")).isZero();
        assertThat(app.count("SELECT COUNT(DISTINCT client_hash) FROM signatures")).isEqualTo(4);
        // a proxy that adds a line of its own (haproxy) after the one the client sent: the lines are one list
        signVia(statement, "Claims A", "ca@example.org", "203.0.113.1", "198.51.100.9");
        signVia(statement, "Claims B", "cb@example.org", "203.0.113.2", "198.51.100.9");
        assertThat(app.count("SELECT COUNT(DISTINCT client_hash) FROM signatures WHERE organisation LIKE 'Claims %'"))
                .as("one client, whatever its own line claims").isEqualTo(1);
        // a client cannot pick a new address by sending the header through an untrusted hop
        app.close();
        app = null;
        start(new Config.RateLimits(2, 100), java.util.List.of("10.0.0.0/8"));
        String other = app.statement("direct");
        for (int i = 0; i < 4; i++) signVia(other, "Liar " + i, "l" + i + "@example.org", "203.0.113." + i);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'rate'")).isEqualTo(2);
    }

    @Test
    void a_malformed_trusted_proxy_stops_the_start_naming_the_key() {
        Config bad = TestApp.config(dir, null).toBuilder().firstAdmin(null, null).trustedProxies(java.util.List.of("proxy.example.org")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.undersigned.App(bad).start())
                .isInstanceOf(org.undersigned.ConfigException.class).hasMessageStartingWith("TRUSTED_PROXIES ");
    }

    /** A sign-on with one X-Forwarded-For line per value given, in order. */
    private void signVia(String statement, String organisation, String email, String... forwardedFor) {
        Form form = SignOnForm.filled(app.browser.get(statement), organisation, "BE", email);
        HttpRequest.Builder request = app.browser.request(statement + "/signatures").header("Content-Type", "application/x-www-form-urlencoded");
        for (String line : forwardedFor) request.header("X-Forwarded-For", line);
        Page page = app.browser.send(request.POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form.fields()))));
        assertThat(page.status()).isEqualTo(200);
    }
}
