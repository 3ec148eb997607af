package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;

class SecondFactorTest extends AppTest {
    private static final String EMAIL = "careful@undersigned.test";
    private static final String PASSWORD = "a coordinator passphrase 2026";

    /** What an authenticator app shows now for this key. */
    private String code(String secret) throws Exception {
        return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                new SecretKeySpec(SecondFactor.unbase32(secret), "HmacSHA1"), app.clock.instant(), Locale.ROOT);
    }

    private Page password(Browser browser) {
        return browser.get("/admin/login").form("form[action=/admin/login]").set("email", EMAIL).set("password", PASSWORD).submit();
    }

    /** Enrols through the pages; returns the key and the recovery codes shown. */
    private String enrol(Browser browser, List<String> recoveryCodes) throws Exception {
        Page enrolment = browser.get("/admin/account/totp");
        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(enrolment.document().select("svg.qr path")).hasSize(1);
        String secret = enrolment.document().selectFirst("[data-secret]").attr("data-secret");
        assertThat(enrolment.text()).contains("otpauth://totp/", "secret=" + secret);
        Page wrong = enrolment.form("form[action=/admin/account/totp]").set("code", "000000").submit();
        assertThat(wrong.status()).isEqualTo(code(secret).equals("000000") ? 200 : 400);
        Page codes = browser.get("/admin/account/totp").form("form[action=/admin/account/totp]").set("code", code(secret)).submit();
        assertThat(codes.status()).isEqualTo(200);
        recoveryCodes.addAll(codes.document().select("[data-recovery-code]").eachText());
        return secret;
    }

    @Test
    void login_asks_for_the_code_after_the_password_and_a_code_or_a_recovery_code_works_once() throws Exception {
        app.coordinator(EMAIL, PASSWORD);
        List<String> recovery = new java.util.ArrayList<>();
        String secret = enrol(app.loggedIn(EMAIL, PASSWORD), recovery);
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(app.count("SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '" + recovery.get(0) + "'")).as("stored hashed").isZero();
        app.clock.advance(Duration.ofSeconds(60)); // past the step of the code that confirmed the enrolment

        Browser browser = new Browser(app.config.web().baseUrl(), true);
        Page halfway = password(browser);
        assertThat(halfway.status()).isEqualTo(303);
        assertThat(halfway.header("Location")).startsWith("/admin/login/code");
        assertThat(browser.get("/admin").header("Location")).as("the password alone opens nothing").isEqualTo("/admin/login/code");
        String code = code(secret);
        Page in = browser.get("/admin/login/code").form("form[action=/admin/login/code]").set("code", code).submit();
        assertThat(in.status()).isEqualTo(303);
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        Browser replaying = new Browser(app.config.web().baseUrl(), true);
        password(replaying);
        Page replay = replaying.get("/admin/login/code").form("form[action=/admin/login/code]").set("code", code).submit();
        assertThat(replay.status()).as("the same code twice").isEqualTo(400);
        assertThat(replay.text()).contains("The code is not right, or has been used already");
        Page recovered = replaying.get("/admin/login/code").form("form[action=/admin/login/code]").set("code", recovery.get(3)).submit();
        assertThat(recovered.status()).isEqualTo(303);
        assertThat(replaying.get("/admin").status()).isEqualTo(200);

        Browser again = new Browser(app.config.web().baseUrl(), true);
        password(again);
        assertThat(again.get("/admin/login/code").form("form[action=/admin/login/code]").set("code", recovery.get(3)).submit().status())
                .as("a recovery code works once").isEqualTo(400);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'second_factor_on'")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND detail = 'recovery code'")).isEqualTo(1);
    }

    @Test
    void when_an_admin_requires_it_a_coordinator_without_one_is_sent_to_enrol_after_login() throws Exception {
        app.coordinator(EMAIL, PASSWORD);
        Browser admin = app.admin();
        Page saved = admin.get("/admin/coordinators").form("form[action=/admin/coordinators/second-factor]").set("required", "yes").submit();
        assertThat(saved.status()).isEqualTo(303);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'require_second_factor'")).isEqualTo(1);

        Browser coordinator = app.loggedIn(EMAIL, PASSWORD);
        Page sent = coordinator.get("/admin");
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.header("Location")).isEqualTo("/admin/account/totp");
        assertThat(coordinator.get("/admin/account/totp").text()).contains("An admin requires a second factor of every coordinator");
        enrol(coordinator, new java.util.ArrayList<>());
        assertThat(coordinator.get("/admin").status()).as("enrolled, the rest opens").isEqualTo(200);
        Page account = coordinator.get("/admin/account");
        assertThat(account.text()).contains("Your second factor is on. Recovery codes left: 10.");
        assertThat(account.document().select("form[action=/admin/account/totp/off]")).as("it cannot be turned off while required").isEmpty();
    }
}
