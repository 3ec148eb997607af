package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.Config;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.TestApp;
import org.undersigned.support.Wait;

/**
 * The login throttle against an attacker: many guesses at once, and guesses meant to lock the
 * owner out. The app sits behind a trusted proxy (the test itself), so that each request says in
 * X-Forwarded-For which client it comes from.
 */
class LoginThrottleTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final int PARALLEL = 40;
    private static final String ATTACKER = "203.0.113.66";
    /** A password check of some milliseconds, as in production (a quarter of a second there), not the tests' usual one. */
    private static final int PASSWORD_HASH_COST = 10;
    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void start() {
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN))
                .toBuilder().trustedProxies(List.of("127.0.0.1", "::1")).passwordHashCost(PASSWORD_HASH_COST).build();
        app = TestApp.start(config);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void forty_wrong_passwords_at_once_reach_the_password_check_only_as_often_as_the_account_allows() throws Exception {
        List<Integer> statuses = together(i -> form(TestApp.ADMIN_EMAIL, "wrong guess number " + i));
        assertThat(statuses).as("answered: wrong password (400) or too many attempts (429)").containsOnly(400, 429);
        assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(LoginThrottle.PER_ACCOUNT);
    }

    @Test
    void forty_accounts_guessed_at_once_from_one_address_reach_the_password_check_only_as_often_as_the_address_allows() throws Exception {
        List<Integer> statuses = together(i -> form("guess" + i + "@undersigned.test", "wrong guess"));
        assertThat(statuses).containsOnly(400, 429);
        assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(LoginThrottle.PER_ADDRESS);
    }

    @Test
    void an_attacker_failing_again_and_again_does_not_lock_the_owner_out() {
        for (int i = 0; i < 30; i++) {
            assertThat(login(ATTACKER, TestApp.ADMIN_EMAIL, "wrong guess number " + i)).isIn(400, 429);
        }
        assertThat(login(ATTACKER, TestApp.ADMIN_EMAIL, "wrong again")).isEqualTo(429);

        assertThat(login("198.51.100.7", TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).as("the owner, from elsewhere, at once").isEqualTo(303);

        assertThat(login(ATTACKER, TestApp.ADMIN_EMAIL, "wrong again")).as("the attacker's address stays throttled").isEqualTo(429);
        assertThat(login(ATTACKER, TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).as("even with the right password").isEqualTo(429);
        assertThat(login(ATTACKER, "other@undersigned.test", "wrong guess")).as("on any account").isEqualTo(429);
    }

    @Test
    void once_an_account_has_failed_too_often_each_other_client_gets_one_guess() {
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            assertThat(login(ATTACKER, TestApp.ADMIN_EMAIL, "wrong guess number " + i)).isEqualTo(400);
        }
        assertThat(login("198.51.100.8", TestApp.ADMIN_EMAIL, "a typo")).as("a client that never failed is heard").isEqualTo(400);
        assertThat(login("198.51.100.8", TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).as("but once").isEqualTo(429);
        assertThat(login("198.51.100.9", TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).isEqualTo(303);

        app.clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(login("198.51.100.8", TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).as("15 minutes later").isEqualTo(303);
    }

    @Test
    void a_client_that_logs_in_after_its_own_typos_starts_afresh_on_that_account() {
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT - 1; i++) {
            assertThat(login("198.51.100.10", TestApp.ADMIN_EMAIL, "typo " + i)).isEqualTo(400);
        }
        assertThat(login("198.51.100.10", TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).isEqualTo(303);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT - 1; i++) {
            assertThat(login("198.51.100.10", TestApp.ADMIN_EMAIL, "typo again " + i)).isEqualTo(400);
        }
        assertThat(login("198.51.100.10", TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD)).isEqualTo(303);
    }

    @Test
    void attempts_are_forgotten_once_their_window_has_passed() {
        assertThat(login(ATTACKER, TestApp.ADMIN_EMAIL, "wrong guess")).isEqualTo(400);
        assertThat(app.count("SELECT COUNT(*) FROM login_attempts")).as("account, address, and both").isEqualTo(3);
        app.clock.advance(LoginThrottle.WINDOW);
        Wait.until("the attempts to be forgotten", () -> app.count("SELECT COUNT(*) FROM login_attempts") == 0);
    }

    /** The status of a login from the given client address. */
    private int login(String address, String email, String password) {
        return post(address, form(email, password)).status();
    }

    /** The login form as served, filled in. */
    private Map<String, List<String>> form(String email, String password) {
        return new Browser(app.config.web().baseUrl()).get("/admin/login").form("form[action=/admin/login]")
                .set("email", email).set("password", password).fields();
    }

    private Page post(String address, Map<String, List<String>> fields) {
        Browser browser = new Browser(app.config.web().baseUrl());
        return browser.send(browser.request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(Browser.encode(fields))));
    }

    /**
     * Posts {@link #PARALLEL} filled forms (each made by {@code form} from its number) from the
     * attacker's address, all released at the same moment, and returns the statuses.
     */
    private List<Integer> together(IntFunction<Map<String, List<String>>> form) throws Exception {
        List<Map<String, List<String>>> forms = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) forms.add(form.apply(i));
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Map<String, List<String>> fields : forms) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return post(ATTACKER, fields).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) statuses.add(answer.get());
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
