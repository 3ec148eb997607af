package org.undersigned.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.Wait;

/** API tokens as a coordinator's tool and an attacker would use them: what each reaches, and what it is refused. */
class ApiTokenTest extends AppTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_token_reaches_only_the_petitions_its_coordinator_manages_at_the_moment_it_is_used() throws Exception {
        app.statement("ours");
        app.statement("theirs");
        long coordinator = app.coordinator("coord@example.org", "a long coordinator passphrase");
        app.assign("ours", coordinator);
        String token = token(app.loggedIn("coord@example.org", "a long coordinator passphrase"), "CRM sync", "read");

        Page ours = get("/api/v1/statements/ours/signatures", token);
        assertThat(ours.status()).isEqualTo(200);
        assertThat(ours.header("Access-Control-Allow-Origin")).as("no other site's page may read what a token reaches").isNull();
        assertThat(ours.header("Cache-Control")).isEqualTo("no-store");
        Page theirs = get("/api/v1/statements/theirs/signatures", token);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(JSON.readTree(theirs.body())).isEqualTo(JSON.readTree("{\"error\": \"not_found\", \"status\": 404}"));
        assertThat(get("/api/v1/statements/nowhere/signatures", token).body()).isEqualTo(theirs.body());
        assertThat(get("/api/v1/campaigns/ours/signatures", token).status()).as("the same slug of another kind").isEqualTo(404);

        app.db().useHandle(h -> h.execute("DELETE FROM petition_coordinators WHERE coordinator_id = ?", coordinator));
        assertThat(get("/api/v1/statements/ours/signatures", token).status()).as("unassigned: the token's reach goes with it").isEqualTo(404);
    }

    @Test
    void without_a_token_with_an_unknown_one_or_a_revoked_one_the_answer_is_401_and_no_data() throws Exception {
        app.statement("kept");
        SignOnForm.sign(app.browser, "/statements/kept", "Secret Org", "BE", "secret@example.org");
        Browser admin = app.admin();
        String token = token(admin, "Old script", "write");
        assertThat(get("/api/v1/statements/kept/signatures", token).body()).contains("secret@example.org");

        Page none = app.browser.send(app.browser.request("/api/v1/statements/kept/signatures").GET());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"undersigned\"");
        assertThat(JSON.readTree(none.body())).isEqualTo(JSON.readTree("{\"error\": \"unauthorized\", \"status\": 401}"));
        Page unknown = get("/api/v1/statements/kept/signatures", "usk_" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"undersigned\", error=\"invalid_token\"");
        Page basic = app.browser.send(app.browser.request("/api/v1/statements/kept/signatures").header("Authorization", "Basic " + token).GET());
        assertThat(basic.status()).isEqualTo(401);

        Page list = admin.get("/admin/tokens");
        assertThat(list.text()).contains("Old script").doesNotContain(token);
        assertThat(list.document().select("[data-token]")).as("shown once, on the answer to its creation only").isEmpty();
        Page revoked = list.form("form[action$=/revoke]").submit();
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(admin.get("/admin/tokens").text()).contains("Revoked on");

        for (String method : List.of("GET", "POST")) {
            Page refused = app.browser.send(app.browser.request("/api/v1/statements/kept/signatures").header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(refused.status()).as(method).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("secret@example.org");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer ");
        }
        assertThat(admin.get("/admin/audit").text()).contains("Created an API token").contains("Revoked an API token").contains("Old script");
    }

    @Test
    void a_token_is_stored_only_as_its_hash_and_carries_a_prefix_that_secret_scanners_know() {
        String token = token(app.admin(), "Scanner check", "read");
        assertThat(token).matches("usk_[A-Za-z0-9_-]{43}");
        assertThat(app.count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + org.undersigned.tokens.Tokens.hash(token) + "'"))
                .isEqualTo(1);
        String stored = app.db().withHandle(h -> h.createQuery("SELECT token_hash || name || scope FROM api_tokens").mapTo(String.class).one());
        assertThat(stored).doesNotContain(token.substring(4));
    }

    @Test
    void another_coordinator_cannot_revoke_a_token_that_is_not_theirs() {
        String token = token(app.admin(), "Admin's", "read");
        long id = app.count("SELECT id FROM api_tokens");
        app.coordinator("other@example.org", "a long coordinator passphrase");
        Browser other = app.loggedIn("other@example.org", "a long coordinator passphrase");
        Page page = other.get("/admin/tokens");
        assertThat(page.text()).doesNotContain("Admin's");
        String csrf = page.document().selectFirst("input[name=csrf]").val();
        assertThat(other.post("/admin/tokens/" + id + "/revoke", java.util.Map.of("csrf", List.of(csrf))).status()).isEqualTo(404);
        assertThat(other.post("/admin/tokens/" + id + "/revoke", java.util.Map.of()).status()).as("no CSRF token").isEqualTo(403);
        app.statement("still");
        assertThat(get("/api/v1/statements/still/signatures", token).status()).isEqualTo(200);
    }

    @Test
    void a_name_and_a_scope_are_required_and_the_form_says_so() {
        Browser admin = app.admin();
        Page bad = admin.get("/admin/tokens").form("form[action=/admin/tokens]").set("name", " ").set("scope", "root").submit();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.document().select(".error-summary a").eachText())
                .containsExactly("Enter a name for the token", "Choose what the token may do");
        assertThat(app.count("SELECT COUNT(*) FROM api_tokens")).isZero();
    }

    @Test
    void pages_see_every_signature_exactly_once_while_sign_ons_arrive() throws Exception {
        app.campaign("busy", "Busy", 1000);
        String writer = token(app.admin(), "Importer", "write");
        String reader = token(app.admin(), "Reader", "read");
        for (int i = 0; i < 15; i++) assertThat(add("campaigns/busy", writer, supporter("early" + i, false)).status()).isEqualTo(201);

        List<Long> seen = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> inserts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                inserts.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        assertThat(add("campaigns/busy", writer, supporter("late" + thread + "-" + i, i % 2 == 0)).status()).isEqualTo(201);
                    }
                }));
            }
            String cursor = null;
            // read while they arrive, then once they have all arrived go on from the last page until nothing new follows
            while (true) {
                boolean done = inserts.stream().allMatch(Future::isDone);
                JsonNode page = JSON.readTree(get("/api/v1/campaigns/busy/signatures?limit=4" + (cursor == null ? "" : "&after=" + cursor),
                        reader).body());
                for (JsonNode s : page.get("signatures")) seen.add(s.get("id").asLong());
                if (!page.get("next").isNull()) {
                    cursor = page.get("next").asText();
                } else if (done) {
                    break;
                } else if (!seen.isEmpty()) {
                    // the end for now: ask again from the last page's cursor, as a client polling for new rows does
                    cursor = org.undersigned.api.Cursor.after(seen.get(seen.size() - 1));
                }
            }
            for (Future<?> insert : inserts) insert.get();
        } finally {
            pool.shutdownNow();
        }
        List<Long> stored = app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures ORDER BY id").mapTo(Long.class).list());
        assertThat(stored).hasSize(75);
        assertThat(seen).as("every row exactly once, in order").containsExactlyElementsOf(stored);
    }

    @Test
    void a_page_links_to_the_next_one_and_the_last_page_says_there_is_none() throws Exception {
        app.statement("paged");
        String token = token(app.admin(), "Pager", "write");
        for (int i = 0; i < 3; i++) add("statements/paged", token, organisation("Org " + i, "org" + i + "@example.org", false));
        Page first = get("/api/v1/statements/paged/signatures?limit=2", token);
        JsonNode body = JSON.readTree(first.body());
        String next = body.get("next").asText();
        assertThat(first.header("Link")).isEqualTo("<" + app.url("/api/v1/statements/paged/signatures?limit=2&after=" + next) + ">; rel=\"next\"");
        JsonNode one = body.get("signatures").get(0);
        assertThat(one.get("organisation").asText()).isEqualTo("Org 0");
        assertThat(one.get("email").asText()).isEqualTo("org0@example.org");
        assertThat(one.get("status").asText()).isEqualTo("listed");
        assertThat(one.get("country").asText()).isEqualTo("BE");
        assertThat(one.get("org_type").asText()).isEqualTo("ngo");
        assertThat(one.get("website").asText()).isEqualTo("https://org0.example.org");
        assertThat(one.get("contact_name").asText()).isEqualTo("Contact 0");
        assertThat(one.get("language").asText()).isEqualTo("en");
        assertThat(one.get("updates").asBoolean()).isTrue();
        assertThat(one.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(one.get("confirmed_at").asText()).endsWith("Z");
        assertThat(one.get("withdrawn_at").isNull()).isTrue();

        Page last = app.browser.send(app.browser.request(first.header("Link").replaceAll("^<|>;.*$", "")).header("Authorization", "Bearer " + token).GET());
        JsonNode lastBody = JSON.readTree(last.body());
        assertThat(lastBody.get("signatures")).hasSize(1);
        assertThat(lastBody.get("next").isNull()).isTrue();
        assertThat(last.header("Link")).isNull();
    }

    @Test
    void an_invalid_limit_or_cursor_is_a_400_that_says_which() throws Exception {
        app.statement("strict");
        String token = token(app.admin(), "Strict", "read");
        for (String limit : List.of("0", "1001", "ten", "-1", "99999999999")) {
            Page page = get("/api/v1/statements/strict/signatures?limit=" + limit, token);
            assertThat(page.status()).as(limit).isEqualTo(400);
            assertThat(JSON.readTree(page.body()).get("error").asText()).isEqualTo("invalid_limit");
        }
        assertThat(get("/api/v1/statements/strict/signatures?limit=1000", token).status()).isEqualTo(200);
        for (String after : List.of("12", "!!", java.util.Base64.getUrlEncoder().encodeToString("s1:-5".getBytes(StandardCharsets.US_ASCII)))) {
            Page page = get("/api/v1/statements/strict/signatures?after=" + after, token);
            assertThat(page.status()).as(after).isEqualTo(400);
            assertThat(JSON.readTree(page.body()).get("error").asText()).isEqualTo("invalid_cursor");
        }
    }

    @Test
    void write_scope_adds_a_signature_whose_confirmation_mail_arrives_with_a_working_link() throws Exception {
        app.statement("mailed");
        String token = token(app.admin(), "Paper forms", "write");
        Page added = add("statements/mailed", token, organisation("Paper Org", "paper@example.org", true));
        assertThat(added.status()).isEqualTo(201);
        JsonNode body = JSON.readTree(added.body());
        long id = body.get("id").asLong();
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(status("statements/mailed", token, id)).isEqualTo("pending");

        ReceivedMail mail = mailbox.nth("paper@example.org", 1);
        assertThat(mail.linksTo("/confirm/")).hasSize(1);
        assertThat(confirm(mail).status()).isEqualTo(200);
        assertThat(status("statements/mailed", token, id)).isEqualTo("listed");
        assertThat(app.browser.get("/statements/mailed").text()).contains("Paper Org");
    }

    @Test
    void write_scope_adds_a_confirmed_signature_without_any_mail_when_asked_not_to_send_one() throws Exception {
        app.campaign("vouched", "Vouched", 10);
        String token = token(app.admin(), "Stand", "write");
        Page added = add("campaigns/vouched", token, supporter("Ana", false));
        assertThat(added.status()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("status").asText()).isEqualTo("listed");
        assertThat(JSON.readTree(app.browser.get("/api/v1/campaigns/vouched").body()).get("signatureCount").asInt()).isEqualTo(1);
        app.awaitOutboxSettled();
        assertThat(mailbox.all()).isEmpty();
        assertThat(app.admin().get("/admin/campaigns/vouched").document().select(".signatories-table .source").eachText())
                .as("coordinators see where it came from").containsExactly("Added through the API");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'add_signature' AND detail LIKE '%(API)'")).isEqualTo(1);
    }

    @Test
    void the_same_address_twice_on_one_petition_is_a_409_and_changes_nothing() throws Exception {
        app.campaign("once", "Once", 10);
        String token = token(app.admin(), "Twice", "write");
        assertThat(add("campaigns/once", token, supporter("Bo", false)).status()).isEqualTo(201);
        String again = supporter("Bo", true).replace("\"first_name\": \"Bo\"", "\"first_name\": \"Robert\"").replace("bo@", "BO@");
        Page twice = add("campaigns/once", token, again);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(JSON.readTree(twice.body())).isEqualTo(JSON.readTree("{\"error\": \"already_signed\", \"status\": 409}"));
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE first_name = 'Bo'")).isEqualTo(1);
        app.awaitOutboxSettled();
        assertThat(mailbox.all()).isEmpty();
    }

    @Test
    void the_forms_checks_apply_and_each_problem_names_its_field() throws Exception {
        app.statement("checked");
        String token = token(app.admin(), "Checker", "write");
        Page bad = add("statements/checked", token, """
                {"organisation": "", "country": "XX", "org_type": "ngo", "contact_name": "C", "email": "not an address",
                 "send_confirmation": "maybe", "lang": "tlh"}""");
        assertThat(bad.status()).isEqualTo(422);
        JsonNode body = JSON.readTree(bad.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_fields");
        assertThat(body.get("fields").findValuesAsText("code")).containsExactly("organisation.required", "country.invalid", "email.plain",
                "consent_publish.required", "send_confirmation.invalid", "lang.invalid");
        assertThat(body.get("fields").get(2).get("message").asText()).isEqualTo("Enter the email address alone, like name@example.org: without a name, comment, quotation marks, brackets or spaces");
        assertThat(add("statements/checked", token, "[1, 2]").status()).isEqualTo(400);
        assertThat(add("statements/checked", token, "{\"organisation\": {\"a\": 1}}").status()).isEqualTo(400);
        assertThat(add("statements/checked", token, "not json").status()).isEqualTo(400);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();
    }

    @Test
    void a_read_token_cannot_write() throws Exception {
        app.statement("readonly");
        String token = token(app.admin(), "Reader", "read");
        Page refused = add("statements/readonly", token, organisation("Sneaky Org", "sneaky@example.org", false));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree("{\"error\": \"read_only_token\", \"status\": 403}"));
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();
    }

    @Test
    void a_closed_petition_takes_no_signature_from_the_api_either() throws Exception {
        app.statement("shut", "Shut", "Text", "closed");
        String token = token(app.admin(), "Late", "write");
        Page refused = add("statements/shut", token, organisation("Late Org", "late@example.org", false));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("closed");
    }

    @Test
    void a_token_that_asks_too_often_gets_429_with_retry_after_and_then_goes_on() {
        app.statement("flood");
        String token = token(app.admin(), "Flood", "read");
        Page limited = null;
        int allowed = 0;
        for (int i = 0; i < 500 && limited == null; i++) {
            Page page = once("/api/v1/statements/flood/signatures", token);
            if (page.status() == 429) limited = page;
            else allowed++;
        }
        assertThat(limited).as("a burst gets refused").isNotNull();
        assertThat(allowed).isGreaterThanOrEqualTo((int) RateLimit.BURST);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.body()).isEqualTo("{\"error\":\"too_many_requests\",\"status\":429}");
        String other = token(app.admin(), "Other", "read");
        assertThat(get("/api/v1/statements/flood/signatures", other).status()).as("the limit is per token").isEqualTo(200);
        app.clock.advance(Duration.ofSeconds(1));
        assertThat(get("/api/v1/statements/flood/signatures", token).status()).isEqualTo(200);
    }

    @Test
    void the_last_used_time_moves_at_most_once_a_minute_and_shows_in_the_list() {
        app.statement("used");
        Browser admin = app.admin();
        String token = token(admin, "Clock", "read");
        assertThat(admin.get("/admin/tokens").text()).contains("Never");
        get("/api/v1/statements/used/signatures", token);
        long first = app.count("SELECT last_used_at FROM api_tokens");
        app.clock.advance(Duration.ofSeconds(30));
        get("/api/v1/statements/used/signatures", token);
        assertThat(app.count("SELECT last_used_at FROM api_tokens")).isEqualTo(first);
        app.clock.advance(Duration.ofSeconds(31));
        get("/api/v1/statements/used/signatures", token);
        assertThat(app.count("SELECT last_used_at FROM api_tokens")).isGreaterThan(first + 60_000);
        assertThat(admin.get("/admin/tokens").text()).doesNotContain("Never");
    }

    /** Creates a token through the coordinators' page, as a person does, and reads it where it is shown once. */
    static String token(Browser coordinator, String name, String scope) {
        Page created = coordinator.get("/admin/tokens").form("form[action=/admin/tokens]").set("name", name).set("scope", scope).submit();
        assertThat(created.status()).isEqualTo(200);
        return created.document().selectFirst("[data-token]").attr("data-token");
    }

    /** A GET with the token; a 429 (tests that read fast) waits a simulated second and tries again. */
    private Page get(String path, String token) {
        while (true) {
            Page page = once(path, token);
            if (page.status() != 429) return page;
            app.clock.advance(Duration.ofSeconds(1));
        }
    }

    private Page once(String path, String token) {
        return app.browser.send(app.browser.request(path).header("Authorization", "Bearer " + token).GET());
    }

    /** A POST of JSON; a 429 (tests that write fast share one token) waits a simulated second and tries again. */
    private Page add(String petition, String token, String json) {
        while (true) {
            Page page = app.browser.send(app.browser.request("/api/v1/" + petition + "/signatures").header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
            if (page.status() != 429) return page;
            app.clock.advance(Duration.ofSeconds(1));
        }
    }

    private String status(String petition, String token, long id) throws Exception {
        JsonNode page = JSON.readTree(get("/api/v1/" + petition + "/signatures", token).body());
        for (JsonNode s : page.get("signatures")) if (s.get("id").asLong() == id) return s.get("status").asText();
        throw new AssertionError("no signature " + id);
    }

    private static String organisation(String name, String email, boolean sendConfirmation) {
        String n = name.replace("Org ", "");
        return """
                {"organisation": "%s", "country": "BE", "org_type": "ngo", "website": "%s.example.org", "contact_name": "Contact %s",
                 "email": "%s", "consent_publish": true, "updates": true, "send_confirmation": %s}"""
                .formatted(name, name.toLowerCase().replace(" ", ""), n, email, sendConfirmation);
    }

    private static String supporter(String firstName, boolean sendConfirmation) {
        return """
                {"first_name": "%s", "last_name": "Example", "email": "%s@example.org", "country": "FR", "consent": true,
                 "send_confirmation": %s}""".formatted(firstName, firstName.toLowerCase(), sendConfirmation);
    }
}
