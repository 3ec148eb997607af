package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.text.Text;

/** The JSON API, headers, health, languages: what embeds, clients and operators rely on. */
class PublicSurfaceTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("open-data", "Open data statement", "Text", "open");
    }

    @Test
    void the_statement_json_lists_confirmed_organisations_as_in_the_contract() throws Exception {
        SignOnForm.sign(app.browser, statement, "Listed Org", "BE", "listed@example.org");
        confirm(mailbox.nth("listed@example.org", 1));
        SignOnForm.sign(app.browser, statement, "Pending Org", "FR", "pending@example.org");

        Page response = app.browser.get("/api/v1/statements/open-data");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("slug").asText()).isEqualTo("open-data");
        assertThat(json.get("title").asText()).isEqualTo("Open data statement");
        assertThat(json.get("status").asText()).isEqualTo("open");
        assertThat(json.get("signatureCount").asInt()).isEqualTo(1);
        assertThat(json.get("countries").toString()).isEqualTo("{\"BE\":1}");
        JsonNode first = json.get("signatories").get(0);
        assertThat(first.get("organisation").asText()).isEqualTo("Listed Org");
        assertThat(first.get("country").asText()).isEqualTo("BE");
        assertThat(first.get("orgType").asText()).isEqualTo("ngo");
        assertThat(first.get("website").asText()).isEqualTo("https://listedorg.example.org");
        assertThat(first.get("signedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.get("signatories")).hasSize(1);
    }

    @Test
    void every_page_carries_the_security_headers() {
        for (String path : new String[] {"/", statement, "/confirm/unknown", "/no-such-page"}) {
            Page page = app.browser.get(path);
            assertThat(page.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        }
        assertThat(app.browser.get("/confirm/unknown").header("Cache-Control")).isEqualTo("no-store");
        var admin = app.admin();
        for (String path : new String[] {"/", statement, "/statements/open-data/embed", "/admin", "/admin/login", "/api/v1/statements/open-data", "/app.css"}) {
            Page page = path.startsWith("/admin") ? admin.get(path) : app.browser.get(path);
            assertThat(page.header("Permissions-Policy")).as(path).contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.header("Content-Security-Policy")).as(path).doesNotContain("unsafe-inline").doesNotContain("http");
            assertThat(page.header("Strict-Transport-Security")).as("only under https").isNull();
            if (path.startsWith("/admin")) assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-store");
        }
    }

    @Test
    void health_answers_while_the_database_answers() {
        Page health = app.browser.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).startsWith("ok\n").contains("database: ok", "outbox: ");
    }

    @Test
    void pages_follow_accept_language_and_the_switcher_remembers_the_choice() {
        Page french = app.browser.language("fr-BE,fr;q=0.9,en;q=0.5").get(statement);
        assertThat(french.document().selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(french.document().selectFirst("#sign-on button").text()).isNotEqualTo("Sign the statement");

        Page switched = app.browser.language("fr").get(statement + "?lang=en");
        assertThat(switched.document().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(switched.header("Set-Cookie")).contains("lang=en").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(app.browser.language("en").get(statement).document().select("nav.languages a[hreflang=fr]").attr("href"))
                .isEqualTo(statement + "?lang=fr");
    }

    @Test
    void a_french_signer_gets_french_mail() {
        app.browser.language("fr");
        SignOnForm.sign(app.browser, statement, "Collectif", "FR", "fr@example.org");
        assertThat(mailbox.nth("fr@example.org", 1).subject()).doesNotStartWith("Confirm your signature");
    }

    @Test
    void the_home_page_lists_open_statements() {
        Page home = app.browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select("main a").eachText()).contains("Open data statement");
        assertThat(home.document().select("h1")).hasSize(1);
    }
}
