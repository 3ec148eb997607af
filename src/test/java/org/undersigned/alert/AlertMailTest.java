package org.undersigned.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.Config;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Mailbox;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

/** An alert tells a coordinator something worth knowing: not that many people use Gmail, and what was held. */
class AlertMailTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    TestApp app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(Config.RateLimits limits) {
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN))
                .toBuilder().rateLimits(limits).trustedProxies(List.of("127.0.0.0/8", "::1")).build();
        app = TestApp.start(config);
    }

    @Test
    void large_webmail_domains_raise_no_domain_alert_and_the_mail_says_nothing_was_held() {
        start(new Config.RateLimits(1000, 10_000, 3));
        String statement = app.statement("watched", "Watched statement", "Text", "open");
        int n = 0;
        for (String domain : List.of("gmail.com", "hotmail.fr", "trolls.example")) {
            for (int i = 0; i < 3; i++, n++) sign(statement, "Org " + n, "person" + n + "@" + domain, "198.51.100." + n);
        }
        Mailbox mailbox = new Mailbox(greenMail);
        ReceivedMail alert = mailbox.nth(TestApp.ADMIN_EMAIL, 1);
        assertThat(alert.text()).contains("3 sign-ons in an hour from addresses at trolls.example")
                .doesNotContain("gmail.com").doesNotContain("hotmail.fr")
                .contains("None of them was held: they were mailed as usual")
                .contains("You receive this because you coordinate petitions on undersigned.")
                .doesNotContain("entered on its form");
        assertThat(alert.linkTo("/admin/statements/watched")).doesNotContain("status=suspect");
        app.awaitTrendWatch();
        assertThat(mailbox.to(TestApp.ADMIN_EMAIL)).hasSize(1);
        assertThat(app.admin().get("/admin").document().select(".alerts li").eachText())
                .noneMatch(line -> line.contains("gmail.com") || line.contains("hotmail.fr"));
    }

    @Test
    void the_alert_says_how_many_sign_ons_were_held_and_links_to_them() {
        start(new Config.RateLimits(2, 100, 3));
        String statement = app.statement("flooded", "Flooded statement", "Text", "open");
        for (int i = 0; i < 3; i++) sign(statement, "Flood " + i, "flood" + i + "@example.org", "203.0.113.7");
        ReceivedMail alert = new Mailbox(greenMail).nth(TestApp.ADMIN_EMAIL, 1);
        assertThat(alert.text()).contains("3 sign-ons in an hour from one client address")
                .contains("1 sign-on of the last hour is held (over the rate limit, or the robot trap filled)");
        String link = alert.linkTo("/admin/statements/flooded");
        assertThat(link).endsWith("?status=suspect");
        assertThat(app.admin().get(link).document().select(".signatories-table tbody th > a:first-child").eachText()).containsExactly("Flood 2");
    }

    private void sign(String statement, String organisation, String email, String client) {
        Form form = SignOnForm.filled(app.browser.get(statement), organisation, "BE", email);
        HttpRequest.Builder request = app.browser.request(statement + "/signatures").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client);
        assertThat(app.browser.send(request.POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form.fields())))).status()).isEqualTo(200);
    }
}
