package org.undersigned.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

/**
 * The statement page as a campaigning network sends people to it: who started it, whom it asks
 * and until when; a list searchable without JavaScript; and organisations at risk counted without
 * their name anywhere public. One app for the class: each test has its own statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFaceTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    @TempDir
    static Path dir;
    TestApp app;
    Mailbox mailbox;
    Browser admin;

    @BeforeAll
    void start() {
        app = TestApp.start(dir, greenMail.getSmtp().getPort());
        mailbox = new Mailbox(greenMail);
        admin = app.admin();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void the_page_names_who_initiated_it_whom_it_addresses_and_its_deadline_near_the_title() throws Exception {
        app.statement("byline");
        Page saved = admin.get("/admin/statements/byline/edit").form("form.petition-form")
                .set("initiated_by", "PICUM and 12 national networks").set("addressed_to", "The European Commission")
                .set("closes_at", "2099-03-31T12:00").submit();
        assertThat(saved.status()).isEqualTo(303);

        Page page = app.browser.get("/statements/byline");
        assertThat(page.document().select("h1 + .byline dt").eachText()).containsExactly("Initiated by", "Addressed to", "Sign by");
        assertThat(page.document().select(".byline dd").eachText())
                .containsExactly("PICUM and 12 national networks", "The European Commission", "March 31, 2099");
        JsonNode json = new ObjectMapper().readTree(app.browser.get("/api/v1/statements/byline").body());
        assertThat(json.get("initiatedBy").asText()).isEqualTo("PICUM and 12 national networks");
        assertThat(json.get("addressedTo").asText()).isEqualTo("The European Commission");
        assertThat(json.get("deadline").asText()).isEqualTo("2099-03-31T12:00:00Z");
        assertThat(auditDetails("/statements/byline")).anyMatch(d -> d.contains("initiated_by: \"\" → \"PICUM and 12 national networks\"")
                && d.contains("addressed_to: \"\" → \"The European Commission\"") && d.contains("closes_at: \"\" → \"2099-03-31T12:00:00Z\""));

        Page translated = admin.get("/admin/statements/byline/translations/fr").form("form.petition-form")
                .set("title", "Déclaration").set("body", "Nous, *soussignés*.").set("addressed_to", "La Commission européenne").submit();
        assertThat(translated.status()).isEqualTo(303);
        Page french = app.browser.get("/statements/byline?lang=fr");
        assertThat(french.document().select(".byline dd").eachText()).as("a translation without its own initiators shows the original's")
                .containsExactly("PICUM and 12 national networks", "La Commission européenne", "31 mars 2099");
    }

    @Test
    void after_the_deadline_the_form_is_closed_with_a_clear_message() {
        app.statement("deadline");
        long deadline = app.clock.millis() + Duration.ofHours(1).toMillis();
        app.db().useHandle(h -> h.execute("UPDATE petitions SET closes_at = ? WHERE slug = 'deadline'", deadline));
        Page before = app.browser.get("/statements/deadline");
        assertThat(before.document().select("form#sign-on")).hasSize(1);
        assertThat(before.document().select(".sign-jump a").attr("href")).isEqualTo("#sign-on-title");

        app.clock.advance(Duration.ofHours(2));
        Page late = SignOnForm.filled(before, "Late Org", "BE", "late@example.org").submit();
        assertThat(late.status()).isEqualTo(409);
        Page after = app.browser.get("/statements/deadline");
        assertThat(after.document().select("form#sign-on, .sign-jump")).isEmpty();
        assertThat(after.document().select(".statement .notice").text())
                .startsWith("This statement closed on").endsWith("It no longer takes new signatures.");
        assertThat(after.document().select(".byline")).as("no 'sign by' once closed").isEmpty();
    }

    @Test
    void the_list_is_searched_without_javascript_folding_case_and_accents() {
        app.statement("search");
        addByHand("search", "Café Réfugiés", "FR", "name");
        addByHand("search", "Other Network", "BE", "name");
        addByHand("search", "Secret Shelter", "BY", "count_only");
        assertThat(auditDetails("/statements/search#" + id("Secret Shelter"))).containsExactly("Secret Shelter (listing: count_only)");

        Page whole = app.browser.get("/statements/search");
        assertThat(whole.header("ETag")).as("the page without a query stays cached").isNotNull();
        assertThat(whole.document().select(".headline").text()).isEqualTo("3 organisations from 2 countries, including 1 that asked not to be named");
        assertThat(whole.document().select("form.list-search").attr("method")).isEqualTo("get");

        Page found = app.browser.get("/statements/search?q=" + URLEncoder.encode("  CAFE refugies ", StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.header("Cache-Control")).isEqualTo("no-store");
        assertThat(found.document().select("#signatories li").eachText()).containsExactly("Café Réfugiés");
        assertThat(found.document().select(".search-result").text()).startsWith("1 organisation matches “CAFE refugies”");
        assertThat(found.document().select("input#q").val()).isEqualTo("CAFE refugies");

        Page hidden = app.browser.get("/statements/search?q=secret");
        assertThat(hidden.document().select("#signatories li")).isEmpty();
        assertThat(hidden.body()).doesNotContain("Secret Shelter");

        Page tooLong = app.browser.get("/statements/search?q=" + "a".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.document().select("#q-error").text()).isEqualTo("Search for at most 100 characters");
        assertThat(tooLong.document().select("#q").attr("aria-invalid")).isEqualTo("true");
        assertThat(tooLong.document().select("#signatories li")).hasSize(2);
    }

    @Test
    void an_organisation_counted_only_is_in_the_count_and_named_only_to_coordinators() throws Exception {
        app.statement("at-risk");
        addByHand("at-risk", "Open Voice", "BE", "name");
        Page signed = SignOnForm.filled(app.browser.get("/statements/at-risk"), "Hidden Defenders", "BY", "hd@example.org")
                .set("listing", "count_only").submit();
        assertThat(signed.status()).isEqualTo(200);
        app.browser.get(mailbox.nth("hd@example.org", 1).linkTo("/confirm/")).form("form[action^=/confirm/]").submit();

        Page page = app.browser.get("/statements/at-risk");
        assertThat(page.document().select(".counter").text()).isEqualTo("2 organisations have signed");
        assertThat(page.document().select(".headline").text()).isEqualTo("2 organisations from 1 country, including 1 that asked not to be named");
        assertThat(page.body()).doesNotContain("Hidden Defenders");
        assertThat(page.document().select("h3.country").eachText()).containsExactly("Belgium (1)");
        assertThat(app.browser.get("/statements/at-risk?q=hidden").body()).doesNotContain("Hidden Defenders");
        assertThat(app.browser.get("/statements/at-risk/embed").body()).doesNotContain("Hidden Defenders").contains("2 organisations have signed");
        String json = app.browser.get("/api/v1/statements/at-risk").body();
        assertThat(json).doesNotContain("Hidden Defenders").doesNotContain("\"BY\"");
        assertThat(new ObjectMapper().readTree(json).get("signatureCount").asLong()).isEqualTo(2);

        Page list = admin.get("/admin/statements/at-risk");
        assertThat(list.document().select("th[scope=row]:contains(Hidden Defenders) .not-shown").text())
                .isEqualTo("Not shown publicly (counted only)");
        String csv = admin.get("/admin/statements/at-risk/signatures.csv").body();
        assertThat(csv.lines().filter(l -> l.contains("Hidden Defenders")).findFirst().orElseThrow()).endsWith(",Not shown publicly (counted only),");
        assertThat(csv.lines().filter(l -> l.contains("Open Voice")).findFirst().orElseThrow()).endsWith(",By name,");
    }

    @Test
    void a_coordinator_changes_how_an_organisation_is_shown_and_the_audit_keeps_it() {
        app.statement("relist");
        addByHand("relist", "Exposed Group", "FR", "name");
        assertThat(app.browser.get("/statements/relist").document().select("#signatories li").eachText()).containsExactly("Exposed Group");

        String id = id("Exposed Group");
        Page form = admin.get("/admin/statements/relist/signatures/" + id);
        assertThat(form.document().select("input[name=listing][checked]").val()).isEqualTo("name");
        Page saved = form.form("form[action*=/signatures/]").set("listing", "count_only").submit();
        assertThat(saved.status()).isEqualTo(303);

        Page page = app.browser.get("/statements/relist");
        assertThat(page.body()).doesNotContain("Exposed Group");
        assertThat(page.document().select(".counter").text()).isEqualTo("1 organisation has signed");
        assertThat(auditDetails("/statements/relist#" + id)).containsExactly("Exposed Group", "listing: \"name\" → \"count_only\"");

        Page refused = admin.get("/admin/statements/relist/signatures/" + id).form("form[action*=/signatures/]")
                .set("listing", "everyone").submit();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary a[href=#listing]").text()).isEqualTo("Choose how to show your organisation");
    }

    /** A coordinator adds an organisation received on paper: listed at once. */
    private void addByHand(String slug, String organisation, String country, String listing) {
        Page added = admin.get("/admin/statements/" + slug + "/signatures/new").form("form[action$=/signatures]")
                .set("organisation", organisation).set("country", country).set("org_type", "ngo")
                .set("contact_name", "Contact of " + organisation).set("listing", listing).submit();
        assertThat(added.status()).as(added.text()).isEqualTo(303);
    }

    private String id(String organisation) {
        return app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures WHERE organisation = :o")
                .bind("o", organisation).mapTo(String.class).one());
    }

    private List<String> auditDetails(String target) {
        return app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE target = :target ORDER BY id")
                .bind("target", target).mapTo(String.class).list());
    }
}
