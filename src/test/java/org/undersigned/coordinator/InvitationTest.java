package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.undersigned.Config;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.TestApp;

class InvitationTest extends AppTest {

    @Test
    void an_admin_invites_a_coordinator_who_sets_a_password_and_sees_only_what_is_assigned() {
        app.statement("assigned", "Assigned statement", "Text", "open");
        app.statement("other", "Other statement", "Text", "open");
        Browser admin = app.admin();
        Page invited = admin.get("/admin/coordinators").form("form[action=/admin/coordinators]")
                .set("email", "new.coord@undersigned.test").set("name", "Nadia").set("role", "coordinator").submit();
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.text()).contains("Invitation sent to new.coord@undersigned.test");

        ReceivedMail mail = mailbox.nth("new.coord@undersigned.test", 1);
        String link = mail.linkTo("/admin/invitations/");
        Browser nadia = new Browser(app.config.web().baseUrl(), true);
        Page weak = nadia.get(link).form("form").set("password", "short").set("password_again", "short").submit();
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text()).contains("at least 12 characters");
        Page in = nadia.get(link).form("form").set("password", "three random garden words").set("password_again", "three random garden words").submit();
        assertThat(in.status()).isEqualTo(303);
        assertThat(nadia.get("/admin").document().select("table.admin-table a")).isEmpty();
        assertThat(new Browser(app.config.web().baseUrl(), true).get(link).status()).as("the link works once").isEqualTo(404);

        long nadiaId = app.db().withHandle(h -> h.createQuery("SELECT id FROM coordinators WHERE email = 'new.coord@undersigned.test'").mapTo(Long.class).one());
        admin.get("/admin/statements/assigned/edit").form("form[action$=/coordinators]:has(select)")
                .set("coordinator_id", String.valueOf(nadiaId)).set("action", "add").submit();
        assertThat(nadia.get("/admin").document().select("table.admin-table a").eachText()).containsExactly("Assigned statement");
        assertThat(nadia.get("/admin/statements/other").status()).isEqualTo(404);
        assertThat(nadia.get("/admin/coordinators").status()).isEqualTo(403);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('invite', 'assign')")).isEqualTo(2);
    }

    @Test
    void an_invitation_expires_after_a_week() {
        app.admin().get("/admin/coordinators").form("form[action=/admin/coordinators]")
                .set("email", "late@undersigned.test").set("role", "coordinator").submit();
        String link = mailbox.nth("late@undersigned.test", 1).linkTo("/admin/invitations/");
        app.clock.advance(Invitations.VALIDITY.plus(Duration.ofMinutes(1)));
        Page expired = new Browser(app.config.web().baseUrl(), true).get(link);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.text()).contains("Ask an admin to invite you again");
    }

    @Test
    void inviting_an_existing_address_is_refused_clearly() {
        Page page = app.admin().get("/admin/coordinators").form("form[action=/admin/coordinators]")
                .set("email", TestApp.ADMIN_EMAIL).set("role", "admin").submit();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("A coordinator with this email address already exists");
    }

    @Test
    void with_an_https_base_url_the_session_cookie_is_secure_and_host_bound() {
        app.close();
        Config https = TestApp.config(dir.resolve("https"), new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN));
        Config withHttps = https.toBuilder().baseUrl("https://sign.example.org").build();
        try (TestApp secure = TestApp.start(withHttps)) {
            Browser browser = new Browser("http://localhost:" + withHttps.web().port(), true);
            Page login = browser.get("/admin/login").form("form[action=/admin/login]")
                    .set("email", TestApp.ADMIN_EMAIL).set("password", TestApp.ADMIN_PASSWORD).submit();
            assertThat(login.header("Set-Cookie")).startsWith("__Host-undersigned=").contains("Secure").contains("Path=/").doesNotContain("Domain");
            assertThat(login.header("Strict-Transport-Security")).contains("max-age=31536000");
        }
    }
}
