package org.undersigned.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;

class OsdiTest extends AppTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_entry_point_leads_to_a_petition_and_its_signatures_in_hal_with_the_signers_as_osdi_people() throws Exception {
        app.campaign("health", "Firewall for health", 5000);
        app.db().useHandle(h -> h.execute("UPDATE petitions SET addressed_to = 'The Minister of Health' WHERE slug = 'health'"));
        app.statement("now");
        String token = ApiTokenTest.token(app.admin(), "CRM", "write");
        add("campaigns/health", token, "{\"first_name\": \"Jo\", \"last_name\": \"Example\", \"email\": \"jo@example.org\", \"country\": \"FR\","
                + " \"comment\": \"Count me in\", \"consent\": true, \"updates\": true, \"send_confirmation\": false}");
        add("campaigns/health", token, "{\"first_name\": \"Pat\", \"last_name\": \"Pending\", \"email\": \"pat@example.org\", \"country\": \"BE\","
                + " \"consent\": true}");
        add("statements/now", token, "{\"organisation\": \"Example NGO\", \"country\": \"BE\", \"org_type\": \"ngo\", \"contact_name\": \"Ana Example\","
                + " \"email\": \"ana@ngo.example\", \"consent_publish\": true, \"send_confirmation\": false}");

        Page aep = get("/api/osdi/v1", token);
        assertThat(aep.status()).isEqualTo(200);
        assertThat(aep.header("Content-Type")).isEqualTo("application/hal+json");
        assertThat(aep.header("Cache-Control")).isEqualTo("no-store");
        String petitionsUrl = JSON.readTree(aep.body()).at("/_links/osdi:petitions/href").asText();
        assertThat(petitionsUrl).isEqualTo(app.url("/api/osdi/v1/petitions"));

        JsonNode list = JSON.readTree(get(petitionsUrl, token).body());
        assertThat(list.get("total_records").asLong()).isEqualTo(2);
        JsonNode health = list.at("/_embedded/osdi:petitions/0");
        assertThat(health.get("title").asText()).isEqualTo("Firewall for health");
        assertThat(health.get("target").toString()).isEqualTo("[{\"name\":\"The Minister of Health\"}]");
        assertThat(health.get("total_signatures").asLong()).as("the listed one, as the public counter").isEqualTo(1);
        assertThat(health.get("browser_url").asText()).isEqualTo(app.url("/campaigns/health"));
        assertThat(JSON.readTree(get(health.at("/_links/self/href").asText(), token).body())).isEqualTo(health);

        Page signaturesPage = get(health.at("/_links/osdi:signatures/href").asText(), token);
        assertThat(signaturesPage.header("Content-Type")).isEqualTo("application/hal+json");
        JsonNode signatures = JSON.readTree(signaturesPage.body()).at("/_embedded/osdi:signatures");
        assertThat(signatures).hasSize(2);
        JsonNode jo = signatures.get(0);
        assertThat(jo.get("identifiers").get(0).asText()).matches("undersigned:[0-9]+");
        assertThat(jo.get("comments").asText()).isEqualTo("Count me in");
        assertThat(jo.get("undersigned:status").asText()).isEqualTo("listed");
        JsonNode person = jo.at("/_embedded/osdi:person");
        assertThat(person.get("given_name").asText()).isEqualTo("Jo");
        assertThat(person.get("family_name").asText()).isEqualTo("Example");
        assertThat(JSON.treeToValue(person.get("email_addresses"), List.class)).isEqualTo(List.of(
                java.util.Map.of("address", "jo@example.org", "primary", true, "status", "subscribed")));
        assertThat(person.get("postal_addresses").toString()).contains("\"country\":\"FR\"");
        assertThat(signatures.get(1).get("undersigned:status").asText()).as("marked, not hidden").isEqualTo("pending");

        JsonNode now = list.at("/_embedded/osdi:petitions/1");
        JsonNode ana = JSON.readTree(get(now.at("/_links/osdi:signatures/href").asText(), token).body()).at("/_embedded/osdi:signatures/0/_embedded/osdi:person");
        assertThat(ana.get("given_name").asText()).isEqualTo("Ana Example");
        assertThat(ana.at("/custom_fields/undersigned:organisation").asText()).isEqualTo("Example NGO");
    }

    @Test
    void following_next_links_sees_every_signature_once_while_sign_ons_arrive_and_rows_are_discarded() throws Exception {
        app.statement("paged");
        String token = ApiTokenTest.token(app.admin(), "CRM", "write");
        for (int i = 0; i < 3; i++) add("statements/paged", token, organisation("Org " + i, "org" + i + "@example.org"));
        String petition = JSON.readTree(get("/api/osdi/v1/petitions", token).body()).at("/_embedded/osdi:petitions/0/_links/osdi:signatures/href").asText();

        JsonNode first = JSON.readTree(get(petition + "?per_page=2", token).body());
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("per_page").asInt()).isEqualTo(2);
        assertThat(first.get("total_records").asInt()).isEqualTo(3);
        assertThat(first.get("total_pages").asInt()).isEqualTo(2);
        List<String> seen = new ArrayList<>(organisations(first));
        assertThat(seen).containsExactly("Org 0", "Org 1");

        add("statements/paged", token, organisation("Org 3", "org3@example.org"));
        app.db().useHandle(h -> h.execute("DELETE FROM signatures WHERE organisation = 'Org 0'"));
        JsonNode next = first;
        while (next.at("/_links/next/href").isTextual()) {
            next = JSON.readTree(get(next.at("/_links/next/href").asText(), token).body());
            seen.addAll(organisations(next));
        }
        assertThat(seen).containsExactly("Org 0", "Org 1", "Org 2", "Org 3");
        assertThat(next.get("page").asInt()).isEqualTo(2);

        JsonNode second = JSON.readTree(get(petition + "?page=2&per_page=2", token).body());
        assertThat(organisations(second)).as("by position: Org 0 is gone").containsExactly("Org 3");
        Page bad = get(petition + "?per_page=500", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body())).isEqualTo(JSON.readTree(
                "{\"error\": \"invalid_per_page\", \"status\": 400, \"detail\": \"per_page is a whole number from 1 to 100\"}"));
    }

    @Test
    void another_coordinators_token_gets_404_for_a_petition_it_cannot_reach_and_no_token_gets_401() throws Exception {
        app.statement("ours");
        app.statement("theirs");
        String admin = ApiTokenTest.token(app.admin(), "Admin", "write");
        add("statements/theirs", admin, organisation("Secret Org", "secret@example.org"));
        long coordinator = app.coordinator("coord@example.org", "a long coordinator passphrase");
        app.assign("ours", coordinator);
        String token = ApiTokenTest.token(app.loggedIn("coord@example.org", "a long coordinator passphrase"), "Theirs", "read");
        long theirs = app.count("SELECT id FROM petitions WHERE slug = 'theirs'");

        JsonNode reached = JSON.readTree(get("/api/osdi/v1/petitions", token).body());
        assertThat(reached.get("total_records").asInt()).isEqualTo(1);
        assertThat(reached.at("/_embedded/osdi:petitions/0/title").asText()).isEqualTo("Statement ours");
        for (String path : List.of("/api/osdi/v1/petitions/" + theirs, "/api/osdi/v1/petitions/" + theirs + "/signatures",
                "/api/osdi/v1/petitions/999999/signatures", "/api/osdi/v1/petitions/x")) {
            Page refused = get(path, token);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(refused.body())).as(path).isEqualTo(JSON.readTree("{\"error\": \"not_found\", \"status\": 404}"));
        }
        for (String path : List.of("/api/osdi/v1", "/api/osdi/v1/petitions/" + theirs + "/signatures")) {
            Page none = app.browser.send(app.browser.request(path).GET());
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"undersigned\"");
            assertThat(none.body()).doesNotContain("Secret Org");
        }
    }

    private static List<String> organisations(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.at("/_embedded/osdi:signatures")
                .forEach(s -> names.add(s.at("/_embedded/osdi:person/custom_fields/undersigned:organisation").asText()));
        return names;
    }

    private static String organisation(String name, String email) {
        return "{\"organisation\": \"" + name + "\", \"country\": \"BE\", \"org_type\": \"ngo\", \"contact_name\": \"C\", \"email\": \""
                + email + "\", \"consent_publish\": true, \"send_confirmation\": false}";
    }

    /** A GET with the token (a full address or a path); a 429 waits a simulated second and tries again. */
    private Page get(String path, String token) {
        String url = path.startsWith("http") ? path.substring(app.url("").length()) : path;
        while (true) {
            Page page = app.browser.send(app.browser.request(url).header("Authorization", "Bearer " + token).GET());
            if (page.status() != 429) return page;
            app.clock.advance(Duration.ofSeconds(1));
        }
    }

    private void add(String petition, String token, String json) {
        while (true) {
            Page page = app.browser.send(app.browser.request("/api/v1/" + petition + "/signatures").header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
            if (page.status() == 429) {
                app.clock.advance(Duration.ofSeconds(1));
                continue;
            }
            assertThat(page.status()).as(json + "\n" + page.body()).isEqualTo(201);
            return;
        }
    }
}
