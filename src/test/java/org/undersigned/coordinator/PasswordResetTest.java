package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;

class PasswordResetTest extends AppTest {
    private static final String PASSWORD = "a coordinator passphrase 2026";
    private static final String FRESH = "a brand new passphrase here";

    private Page ask(String email) {
        Page login = new Browser(app.config.web().baseUrl(), true).get("/admin/login");
        assertThat(login.document().select("a[href=/admin/login/forgot]")).hasSize(1);
        return new Browser(app.config.web().baseUrl(), true).get("/admin/login/forgot").form("form[action=/admin/login/forgot]")
                .set("email", email).submit();
    }

    @Test
    void a_reset_link_arrives_in_the_coordinators_language_works_once_and_ends_their_sessions() {
        long id = app.coordinator("forgetful@undersigned.test", PASSWORD);
        app.db().useHandle(h -> h.execute("UPDATE coordinators SET language = 'fr' WHERE id = ?", id));
        Browser stillIn = app.loggedIn("forgetful@undersigned.test", PASSWORD);

        Page asked = ask("Forgetful@undersigned.test");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text()).contains("If Forgetful@undersigned.test is the address of a coordinator account, a link");
        ReceivedMail mail = mailbox.nth("forgetful@undersigned.test", 1);
        assertThat(mail.subject()).isEqualTo("Choisissez un nouveau mot de passe");
        String link = mail.linkTo("/admin/password/");
        assertThat(app.count("SELECT COUNT(*) FROM password_resets WHERE token_hash = '" + link.substring(link.lastIndexOf('/') + 1) + "'"))
                .as("only the token's hash is stored").isZero();

        Browser browser = new Browser(app.config.web().baseUrl(), true);
        Page set = browser.get(link).form("form[action^=/admin/password/]").set("password", FRESH).set("password_again", FRESH).submit();
        assertThat(set.status()).isEqualTo(303);
        assertThat(set.header("Location")).isEqualTo("/admin/login?reset=done");
        assertThat(browser.follow(set).text()).contains("Your password has been changed");
        assertThat(stillIn.get("/admin").status()).as("the account's other sessions are over").isEqualTo(303);
        app.loggedIn("forgetful@undersigned.test", FRESH);

        Page again = new Browser(app.config.web().baseUrl(), true).get(link);
        assertThat(again.status()).as("the link works once").isEqualTo(404);
        assertThat(again.text()).contains("This link no longer works");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('password_reset_asked', 'password_reset')")).isEqualTo(2);
    }

    @Test
    void a_reset_link_expires_after_an_hour() {
        app.coordinator("slow@undersigned.test", PASSWORD);
        ask("slow@undersigned.test");
        String link = mailbox.nth("slow@undersigned.test", 1).linkTo("/admin/password/");
        app.clock.advance(PasswordResets.VALIDITY.plus(Duration.ofMinutes(1)));
        Page expired = new Browser(app.config.web().baseUrl(), true).get(link);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.text()).contains("more than an hour has passed");
    }

    @Test
    void an_unknown_address_gets_the_same_answer_and_no_mail() {
        app.coordinator("known@undersigned.test", PASSWORD);
        Page known = ask("known@undersigned.test");
        Page unknown = ask("nobody@undersigned.test");
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.text().replace("nobody@", "X@")).isEqualTo(known.text().replace("known@", "X@"));
        mailbox.nth("known@undersigned.test", 1);
        app.awaitOutboxSettled();
        assertThat(mailbox.to("nobody@undersigned.test")).isEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
    }
}
