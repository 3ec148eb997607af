package org.undersigned.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.Wait;

/**
 * On PostgreSQL sign-ons commit in any order: id 2 may be visible while id 1 is still being
 * written. A client that read past 2 then would never see 1. Here a transaction holds id 1 open
 * while id 2 commits and the client reads; the client still sees both, once each. Both are pending:
 * a confirmed one would bump the petition's public_version, whose row lock orders the two.
 */
@Tag("postgresql")
class ConcurrentCommitPagingTest extends AppTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void a_row_whose_commit_comes_after_a_later_id_is_not_skipped() throws Exception {
        app.campaign("race", "Race", 100);
        String token = ApiTokenTest.token(app.admin(), "Racer", "write");
        app.db().useHandle(h -> h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('x', 'en', 'x', 0)"));
        List<Long> seen = new ArrayList<>();
        try (Handle slow = app.db().open()) {
            slow.begin();
            long first = slow.createQuery("""
                            INSERT INTO signatures (petition_id, status, email, email_key, first_name, last_name, country, locale, consent_hash,
                                                    created_at, confirmed_at)
                            SELECT id, 'pending', 'slow@example.org', 'slow@example.org', 'Slow', 'Writer', 'BE', 'en', 'x', :now, NULL
                            FROM petitions WHERE slug = 'race'
                            RETURNING id""").bind("now", app.clock.millis()).mapTo(Long.class).one();
            Page second = post(token, """
                    {"first_name": "Fast", "last_name": "Writer", "email": "fast@example.org", "country": "BE", "consent": true,
                     "send_confirmation": true}""");
            assertThat(second.status()).isEqualTo(201);
            assertThat(JSON.readTree(second.body()).get("id").asLong()).isGreaterThan(first);

            CompletableFuture<Page> reading = CompletableFuture.supplyAsync(() -> get(token, null));
            Wait.until("the read to wait for the open write, or to answer", () -> reading.isDone() || app.count(
                    "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = 'signatures'::regclass") > 0);
            slow.commit();
            String cursor = collect(reading.get(), seen);
            while (cursor != null) cursor = collect(get(token, cursor), seen);
            // and a client that polls later, from the last row it saw
            collect(get(token, Cursor.after(seen.get(seen.size() - 1))), seen);
        }
        List<Long> stored = app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures ORDER BY id").mapTo(Long.class).list());
        assertThat(seen).containsExactlyElementsOf(stored).hasSize(2);
    }

    private static String collect(Page page, List<Long> seen) {
        try {
            JsonNode body = JSON.readTree(page.body());
            for (JsonNode s : body.get("signatures")) seen.add(s.get("id").asLong());
            return body.get("next").isNull() ? null : body.get("next").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Page get(String token, String after) {
        return app.browser.send(app.browser.request("/api/v1/campaigns/race/signatures?limit=1" + (after == null ? "" : "&after=" + after))
                .header("Authorization", "Bearer " + token).GET());
    }

    private Page post(String token, String json) {
        return app.browser.send(app.browser.request("/api/v1/campaigns/race/signatures").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }
}
