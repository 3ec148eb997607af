package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.TestApp;

class CoordinatorLoginTest extends AppTest {

    @Test
    void the_first_admin_from_the_environment_logs_in_sees_the_dashboard_and_logs_out() {
        app.statement("dash", "Dashboard statement", "Text", "open");
        Browser browser = new Browser(app.config.web().baseUrl(), true);
        Page anonymous = browser.get("/admin");
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/admin/login?next=%2Fadmin");

        Page login = browser.follow(anonymous);
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        Page redirected = login.form("form[action=/admin/login]")
                .set("email", TestApp.ADMIN_EMAIL.toUpperCase()).set("password", TestApp.ADMIN_PASSWORD).submit();
        assertThat(redirected.status()).isEqualTo(303);
        assertThat(redirected.header("Location")).isEqualTo("/admin");
        String cookie = redirected.header("Set-Cookie");
        assertThat(cookie).startsWith("undersigned_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        Page dashboard = browser.follow(redirected);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.header("Cache-Control")).isEqualTo("no-store");
        assertThat(dashboard.document().select("table.admin-table a").eachText()).contains("Dashboard statement");

        Page out = dashboard.form("form[action=/admin/logout]").submit();
        assertThat(out.status()).isEqualTo(303);
        Page loggedOut = browser.get("/admin");
        assertThat(loggedOut.status()).isEqualTo(303);
        assertThat(loggedOut.header("Location")).isEqualTo("/admin/login?next=%2Fadmin");
        assertThat(app.count("SELECT COUNT(*) FROM sessions")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('login', 'logout')")).isEqualTo(2);
    }

    @Test
    void a_wrong_password_and_an_unknown_account_get_the_same_answer() {
        Browser browser = new Browser(app.config.web().baseUrl(), true);
        Page wrongPassword = browser.get("/admin/login").form("form[action=/admin/login]")
                .set("email", TestApp.ADMIN_EMAIL).set("password", "not the right password").submit();
        Page unknown = browser.get("/admin/login").form("form[action=/admin/login]")
                .set("email", "nobody@undersigned.test").set("password", "not the right password").submit();

        assertThat(wrongPassword.status()).isEqualTo(400).isEqualTo(unknown.status());
        assertThat(wrongPassword.document().select(".error-summary").text())
                .isEqualTo(unknown.document().select(".error-summary").text())
                .contains("The email address or the password is not right");
        assertThat(wrongPassword.header("Set-Cookie")).isNull();
    }

    @Test
    void failed_logins_are_throttled_per_account_whether_or_not_it_exists() {
        for (String email : new String[] {TestApp.ADMIN_EMAIL, "ghost@undersigned.test"}) {
            for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
                assertThat(attempt(email, "wrong password number " + i).status()).isEqualTo(400);
            }
            Page throttled = attempt(email, "wrong again and again");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.text()).contains("Too many attempts");
        }
        assertThat(attempt(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).status()).as("even the right password waits").isEqualTo(429);

        app.clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(attempt(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void sessions_end_after_30_idle_minutes_and_after_12_hours_in_all() {
        Browser browser = app.admin();
        app.clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        app.clock.advance(Duration.ofMinutes(31));
        Page idle = browser.get("/admin");
        assertThat(idle.status()).as("idle").isEqualTo(303);
        assertThat(idle.header("Location")).isEqualTo("/admin/login?next=%2Fadmin");

        Browser busy = app.admin();
        for (int i = 1; i <= 24; i++) {
            app.clock.advance(Duration.ofMinutes(29));
            assertThat(busy.get("/admin").status()).as("in use for %d minutes", 29 * i).isEqualTo(200);
        }
        app.clock.advance(Duration.ofMinutes(29));
        Page ended = busy.get("/admin");
        assertThat(ended.status()).as("in use for 12 h 5 min: ended by the absolute limit").isEqualTo(303);
        assertThat(ended.header("Location")).isEqualTo("/admin/login?next=%2Fadmin");
    }

    @Test
    void sessions_survive_a_restart() {
        Browser browser = app.admin();
        app.restart();
        assertThat(browser.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void a_post_without_the_csrf_token_is_refused() {
        Browser browser = app.admin();
        Page page = browser.get("/admin");
        var form = page.form("form[action=/admin/logout]");
        form.set("csrf", "forged");
        assertThat(form.submit().status()).isEqualTo(403);
        assertThat(browser.get("/admin").status()).as("still logged in").isEqualTo(200);
    }

    @Test
    void next_only_leads_to_our_own_admin_pages() {
        for (String next : new String[] {"https://evil.example", "//evil.example/admin", "/\\evil.example", "/statements/x"}) {
            Browser browser = new Browser(app.config.web().baseUrl(), true);
            Page done = browser.get("/admin/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8))
                    .form("form[action=/admin/login]").set("email", TestApp.ADMIN_EMAIL).set("password", TestApp.ADMIN_PASSWORD).submit();
            assertThat(done.header("Location")).as(next).isEqualTo("/admin");
        }
        Browser browser = new Browser(app.config.web().baseUrl(), true);
        Page done = browser.follow(browser.get("/admin/audit")).form("form[action=/admin/login]")
                .set("email", TestApp.ADMIN_EMAIL).set("password", TestApp.ADMIN_PASSWORD).submit();
        assertThat(done.header("Location")).isEqualTo("/admin/audit");
    }

    private Page attempt(String email, String password) {
        return new Browser(app.config.web().baseUrl(), true).get("/admin/login").form("form[action=/admin/login]")
                .set("email", email).set("password", password).submit();
    }
}
