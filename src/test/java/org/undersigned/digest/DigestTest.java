package org.undersigned.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

class DigestTest extends AppTest {

    @Test
    void coordinators_get_one_daily_digest_of_new_sign_ons_and_the_queue_and_none_on_a_quiet_day() {
        app.statement("daily", "Daily statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET digest = TRUE, needs_approval = TRUE WHERE slug = 'daily'"));
        for (String org : new String[] {"Alpha Org", "Beta Org"}) {
            String email = org.toLowerCase().replace(' ', '.') + "@example.org";
            SignOnForm.sign(app.browser, "/statements/daily", org, "BE", email);
            confirm(mailbox.nth(email, 1));
        }
        app.awaitChores();
        assertThat(mailbox.to(TestApp.ADMIN_EMAIL)).as("not before a day has passed").isEmpty();

        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        ReceivedMail digest = mailbox.nth(TestApp.ADMIN_EMAIL, 1);
        assertThat(digest.subject()).isEqualTo("Daily digest: Daily statement");
        assertThat(digest.text()).contains("New confirmed signatures: 2", "- Alpha Org (Belgium)", "- Beta Org (Belgium)",
                "Waiting for your approval: 2");
        assertThat(digest.linkTo("/admin/statements/daily")).isEqualTo(app.url("/admin/statements/daily"));

        app.db().useHandle(h -> h.execute("UPDATE signatures SET moderation = 'approved'"));
        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        app.awaitChores();
        assertThat(mailbox.to(TestApp.ADMIN_EMAIL)).as("nothing new, nothing waiting").hasSize(1);
    }
}
