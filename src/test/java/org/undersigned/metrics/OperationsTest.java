package org.undersigned.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.undersigned.Config;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

class OperationsTest extends AppTest {

    @Test
    void metrics_count_sign_ons_confirmations_mail_and_time_every_route() {
        String statement = app.statement("metered");
        SignOnForm.sign(app.browser, statement, "Counted Org", "BE", "counted@example.org");
        SignOnForm.sign(app.browser, statement, "Counted Org", "BE", "counted@example.org");
        confirm(mailbox.nth("counted@example.org", 1));
        mailbox.nth("counted@example.org", 3);
        app.awaitOutboxSettled(); // the relay records the hand-off just after the mail server took it

        Page metrics = app.browser.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains(
                "undersigned_sign_ons_total{kind=\"statement\",outcome=\"new\"} 1.0",
                "undersigned_sign_ons_total{kind=\"statement\",outcome=\"repeat\"} 1.0",
                "undersigned_confirmations_total{kind=\"statement\"} 1.0",
                "undersigned_mail_sent_total 3.0",
                "undersigned_outbox_depth 0.0",
                "undersigned_outbox_lag_seconds 0.0",
                "undersigned_db_commits_total",
                "undersigned_http_request_duration_seconds_bucket{method=\"POST\",route=\"/statements/{slug}/signatures\",status=\"2xx\",le=\"+Inf\"} 2",
                "jvm_memory_used_bytes{area=\"heap\"}");
    }

    @Test
    void metrics_are_not_shown_through_a_proxy_without_the_token() {
        Page relayed = app.browser.send(app.browser.request("/metrics").header("X-Forwarded-For", "203.0.113.9").GET());
        assertThat(relayed.status()).isEqualTo(404);
        assertThat(relayed.body()).doesNotContain("undersigned_");
    }

    /** Any header a proxy may add marks the request as relayed, not only X-Forwarded-For: nginx setups often send X-Real-IP alone. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"X-Real-IP|203.0.113.9", "X-Forwarded-Host|petitions.example.org", "X-Forwarded-Proto|https",
            "Forwarded|for=203.0.113.9", "X-Client-IP|203.0.113.9", "True-Client-IP|203.0.113.9", "Via|1.1 proxy"})
    void metrics_are_not_shown_to_a_request_carrying_any_forwarding_header(String header, String value) {
        Page relayed = app.browser.send(app.browser.request("/metrics").header(header, value).GET());
        assertThat(relayed.status()).isEqualTo(404);
        assertThat(relayed.body()).doesNotContain("undersigned_");
        Page health = app.browser.send(app.browser.request("/healthz").header(header, value).GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }

    @Test
    void with_a_token_configured_metrics_need_it() {
        app.close();
        String token = "scrape-me-0123456789abcdef";
        app = TestApp.start(TestApp.config(dir, null).toBuilder().operations(Config.Operations.NONE.withMetricsToken(token)).build());
        assertThat(app.browser.get("/metrics").status()).isEqualTo(404);
        assertThat(app.browser.send(app.browser.request("/metrics").header("Authorization", "Bearer wrong-token-0123456789").GET()).status())
                .isEqualTo(404);
        Page scraped = app.browser.send(app.browser.request("/metrics").header("Authorization", "Bearer " + token).GET());
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("undersigned_outbox_depth");

        // the health check tells everyone whether the instance is up, and the mail queue only to the token's holder
        Page health = app.browser.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        Page detailed = app.browser.send(app.browser.request("/healthz").header("Authorization", "Bearer " + token).GET());
        assertThat(detailed.body()).isEqualTo("ok\ndatabase: ok\noutbox: 0 waiting, oldest 0 s (mail flowing)\n");
        assertThat(app.browser.send(app.browser.request("/healthz").header("Authorization", "Bearer wrong-token-0123456789").GET()).body())
                .isEqualTo("ok\n");
    }

    @Test
    void health_reports_the_database_and_how_far_mail_is_behind() {
        Page health = app.browser.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\ndatabase: ok\noutbox: 0 waiting, oldest 0 s (mail flowing)\n");
        assertThat(health.header("Cache-Control")).isEqualTo("no-store");

        // a backlog after a spike: counted as far as 10,000, and none of it overdue yet (due in an hour)
        long inAnHour = app.clock.millis() + 3_600_000;
        app.db().useHandle(h -> h.execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001)
                INSERT INTO outbox (recipient, subject, text_body, html_body, status, next_attempt_at, created_at)
                SELECT 'later-' || i || '@example.org', 'Later', '', '', 'queued', ?, ? FROM n""", inAnHour, inAnHour));
        assertThat(app.browser.get("/healthz").body()).isEqualTo("ok\ndatabase: ok\noutbox: 10000+ waiting, oldest 0 s (mail flowing)\n");
    }
}
