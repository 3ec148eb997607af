package org.undersigned.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.ServerProcess;
import org.undersigned.support.Wait;
import org.undersigned.tokens.Tokens;

/** Webhook deliveries survive the server being killed in the middle of them: each event reaches the CRM, none is lost. */
@Tag("sqlite")
class WebhookCrashTest {
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
    private static final int SIGNATURES = 60;
    @TempDir
    Path dir;

    @Test
    void every_event_reaches_the_receiver_once_by_id_after_kill_9_mid_delivery() throws Exception {
        Map<String, String> env = Map.of("DEMO_DATA", "true", "WEBHOOKS_ALLOW_PRIVATE", "true", "HOUSEKEEPING_SECONDS", "1",
                "ADMIN_EMAIL", "admin@crash.example.org", "ADMIN_PASSWORD", "a long admin passphrase 2026");
        try (Receiver crm = new Receiver()) {
            crm.delayMillis = 100;
            ServerProcess server = ServerProcess.start(dir, env);
            Jdbi db = Jdbi.create("jdbc:sqlite:" + dir.resolve("undersigned.db"));
            String token = "usk_crash-test-token-" + System.nanoTime();
            db.useHandle(h -> {
                long admin = h.createQuery("SELECT id FROM coordinators").mapTo(Long.class).one();
                h.execute("INSERT INTO api_tokens (token_hash, coordinator_id, name, scope, created_at) VALUES (?, ?, 'crash', 'write', 0)",
                        Tokens.hash(token), admin);
                long endpoint = h.createQuery("INSERT INTO webhook_endpoints (url, secret, created_at) VALUES (?, ?, 0) RETURNING id")
                        .bind(0, crm.url()).bind(1, SECRET).mapTo(Long.class).one();
                h.execute("INSERT INTO webhook_subscriptions (endpoint_id, event) VALUES (?, 'signature.confirmed')", endpoint);
            });
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < SIGNATURES; i++) {
                String body = """
                        {"organisation": "Crash Org %d", "country": "BE", "org_type": "community", "contact_name": "Sam",
                         "email": "org-%d@crash.example.org", "consent_publish": true, "send_confirmation": false}""".formatted(i, i);
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.base + "/api/v1/statements/regularisation-now/signatures"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> added = http.send(request, HttpResponse.BodyHandlers.ofString());
                // a well-behaved client: over the token's rate limit, it waits as long as the server says and asks again
                while (added.statusCode() == 429) {
                    Thread.sleep(1000L * Long.parseLong(added.headers().firstValue("Retry-After").orElse("1")));
                    added = http.send(request, HttpResponse.BodyHandlers.ofString());
                }
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            }
            Wait.until("deliveries under way", Duration.ofSeconds(30), () -> crm.received.size() >= 8);
            server.kill();
            int beforeRestart = crm.distinct().size();
            assertThat(beforeRestart).as("killed mid-delivery").isLessThan(SIGNATURES);

            crm.delayMillis = 0;
            ServerProcess restarted = ServerProcess.start(dir, Map.of("DEMO_DATA", "false", "WEBHOOKS_ALLOW_PRIVATE", "true"));
            try {
                Wait.until("every event delivered", Duration.ofSeconds(60), () -> crm.distinct().size() == SIGNATURES);
                List<Receiver.Received> events = crm.distinct();
                for (Receiver.Received r : events) assertThat(r.signedWith(SECRET)).as(r.id()).isTrue();
                Map<String, Long> perOrganisation = events.stream()
                        .collect(Collectors.groupingBy(r -> r.json().at("/data/signature/organisation").asText(), Collectors.counting()));
                assertThat(perOrganisation).hasSize(SIGNATURES).allSatisfy((org, n) -> assertThat(n).isEqualTo(1));
                Wait.until("every delivery settled", Duration.ofSeconds(30), () -> db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'").mapTo(Integer.class).one()) == SIGNATURES);
            } finally {
                restarted.terminate(Duration.ofSeconds(30));
            }
        }
    }
}
