package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.SignOnForm;

/**
 * A spike meets a writer that cannot commit for a few seconds (another process holds the
 * database's write lock, as an operator's sqlite3 shell inside a transaction would). The
 * sign-ons wait for their commit without holding one of the server's request threads each:
 * there are more of them than the server has threads (250), and the public page still loads
 * meanwhile. Once the lock goes, every one of them is answered and stored once.
 */
@Tag("sqlite") // holds SQLite's one write lock; on PostgreSQL writes do not queue behind one lock
class WaitingSignOnsTest extends AppTest {
    private static final int SIGN_ONS = 300;

    @Test
    void more_sign_ons_than_request_threads_wait_for_a_held_writer_while_the_page_still_loads() throws Exception {
        String statement = app.statement("spike", "A statement in the news", "We, the undersigned, ...", "open");
        Form form = SignOnForm.filled(app.browser.get(statement), "Spike Org", "BE", "placeholder@example.org");
        String action = app.url(app.browser.get(statement).document().selectFirst("form#sign-on").attr("action"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (Connection other = DriverManager.getConnection(app.config.databaseUrl()); Statement sql = other.createStatement()) {
            sql.execute("BEGIN IMMEDIATE"); // the writer's next transaction waits for this lock (up to its busy timeout, 10 s)
            for (int i = 0; i < SIGN_ONS; i++) {
                Map<String, List<String>> fields = new LinkedHashMap<>(form.fields());
                fields.put("organisation", List.of("Spike Org " + i));
                fields.put("email", List.of("spike-" + i + "@example.org"));
                answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(action))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(fields), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            awaitInFlight(SIGN_ONS);

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(app.url(statement))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("the statement's page while the sign-ons wait").isEqualTo(200);
            assertThat(page.body()).contains("A statement in the news");
            assertThat(answers).as("no sign-on is answered before it is committed").noneMatch(CompletableFuture::isDone);
            sql.execute("ROLLBACK");
        }

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Check your email");
        }
        assertThat(answers.get(7).get().body()).contains("spike-7@example.org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email LIKE 'spike-%'")).isEqualTo(SIGN_ONS);
        assertThat(app.count("SELECT COUNT(DISTINCT email) FROM signatures WHERE email LIKE 'spike-%'")).isEqualTo(SIGN_ONS);
        assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'spike-%'")).isEqualTo(SIGN_ONS);
    }

    @Test
    void a_sign_on_whose_write_fails_gets_the_error_page_and_signing_again_works() throws Exception {
        String statement = app.statement("locked", "A statement", "We, the undersigned, ...", "open");
        Form form = SignOnForm.filled(app.browser.get(statement), "Patient Org", "FR", "patient@example.org");
        try (Connection other = DriverManager.getConnection(app.config.databaseUrl()); Statement sql = other.createStatement()) {
            sql.execute("BEGIN IMMEDIATE"); // held past the writer's busy timeout (10 s): its transaction fails
            var failed = form.submit();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.h1()).isEqualTo("Sorry, something went wrong");
            sql.execute("ROLLBACK");
        }
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'patient@example.org'")).isZero();

        var signed = form.submit();
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.h1()).isEqualTo("Check your email");
        assertThat(mailbox.nth("patient@example.org", 1).subject()).contains("A statement");
    }

    /** Until the server counts this many requests in flight besides the one asking (its metrics, from loopback). */
    private void awaitInFlight(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        double inFlight = 0;
        while (System.nanoTime() < deadline) {
            String metrics = new String(app.browser.raw(app.browser.request("/metrics").timeout(Duration.ofSeconds(5)).GET()).body(),
                    StandardCharsets.UTF_8);
            inFlight = metrics.lines().filter(line -> line.startsWith("undersigned_http_requests_in_flight "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(-1);
            if (inFlight - 1 >= expected) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the server took " + inFlight + " requests in, not " + expected);
    }
}
