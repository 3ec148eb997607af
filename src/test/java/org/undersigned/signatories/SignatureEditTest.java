package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.SupporterForm;

/** Coordinators correct every field of a signature and add one received by email or on paper. */
class SignatureEditTest extends AppTest {

    @Test
    void every_field_of_an_organisation_can_be_corrected_and_the_public_page_and_json_follow() throws Exception {
        app.statement("fixes");
        signAndConfirm("/statements/fixes", "Helth Action", "BE", "old@example.org");
        assertThat(app.browser.get("/statements/fixes").text()).contains("Helth Action");
        long versionBefore = publicVersion("fixes");
        Browser admin = app.admin();

        Form form = admin.get("/admin/statements/fixes/signatures/" + id("Helth Action")).form("form[action*=/signatures/]");
        assertThat(form.fields()).containsEntry("organisation", List.of("Helth Action")).containsEntry("email", List.of("old@example.org"))
                .containsEntry("country", List.of("BE")).containsEntry("org_type", List.of("ngo"));
        Page saved = form.set("organisation", "Health Action International").set("country", "NL").set("org_type", "trade_union")
                .set("website", "health.example.org").set("contact_name", "Jana Novak").set("email", "jana@example.org").submit();

        assertThat(saved.status()).isEqualTo(303);
        assertThat(publicVersion("fixes")).as("the edit moves the public pages' version").isGreaterThan(versionBefore);
        Page page = app.browser.get("/statements/fixes");
        assertThat(page.document().select("#signatories li").eachText()).containsExactly("Health Action International");
        assertThat(page.text()).contains("Netherlands").doesNotContain("Helth");
        JsonNode signatory = new ObjectMapper().readTree(app.browser.get("/api/v1/statements/fixes").body()).get("signatories").get(0);
        assertThat(signatory.get("organisation").asText()).isEqualTo("Health Action International");
        assertThat(signatory.get("country").asText()).isEqualTo("NL");
        assertThat(signatory.get("orgType").asText()).isEqualTo("trade_union");
        assertThat(signatory.get("website").asText()).isEqualTo("https://health.example.org");

        String detail = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'edit_signature'")
                .mapTo(String.class).one());
        assertThat(detail).contains("organisation: \"Helth Action\" → \"Health Action International\"", "country: \"BE\" → \"NL\"",
                "org_type: \"ngo\" → \"trade_union\"", "website: \"https://helthaction.example.org\" → \"https://health.example.org\"",
                "contact_name: \"Contact of Helth Action\" → \"Jana Novak\"", "email: \"old@example.org\" → \"jana@example.org\"");
        Page one = admin.follow(saved);
        assertThat(one.text()).contains("Saved.", "jana@example.org", "Jana Novak");
        assertThat(admin.get("/admin/audit").text()).contains("Edited a signature", "\"old@example.org\" → \"jana@example.org\"");
    }

    @Test
    void a_supporters_names_country_and_email_can_be_corrected() throws Exception {
        app.campaign("clinic", "Open the clinic", 100);
        SupporterForm.sign(app.browser, "/campaigns/clinic", "Marie", "BE", "marie@example.org");
        confirm(mailbox.nth("marie@example.org", 1));
        String id = app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures").mapTo(String.class).one());
        long versionBefore = publicVersion("clinic");
        Browser admin = app.admin();

        Page saved = admin.get("/admin/campaigns/clinic/signatures/" + id).form("form[action*=/signatures/]")
                .set("first_name", "Maria").set("last_name", "Lopez").set("country", "ES").set("email", "maria@example.org").submit();

        assertThat(saved.status()).isEqualTo(303);
        assertThat(publicVersion("clinic")).isGreaterThan(versionBefore);
        JsonNode countries = new ObjectMapper().readTree(app.browser.get("/api/v1/campaigns/clinic").body()).get("countries");
        assertThat(countries.toString()).isEqualTo("{\"ES\":1}");
        assertThat(admin.follow(saved).text()).contains("Maria Lopez", "maria@example.org");
        String detail = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'edit_signature'")
                .mapTo(String.class).one());
        assertThat(detail).isEqualTo("country: \"BE\" → \"ES\"; first_name: \"Marie\" → \"Maria\"; last_name: \"Supporter\" → \"Lopez\"; "
                + "email: \"marie@example.org\" → \"maria@example.org\"");
    }

    @Test
    void an_invalid_edit_is_refused_with_its_problems_and_the_input_kept() {
        app.statement("strict");
        signAndConfirm("/statements/strict", "Kept Org", "BE", "kept@example.org");
        Browser admin = app.admin();

        Page refused = admin.get("/admin/statements/strict/signatures/" + id("Kept Org")).form("form[action*=/signatures/]")
                .set("organisation", "").set("email", "not-an-address").set("country", "XX").set("website", "nowhere").submit();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary li").eachText()).containsExactly(
                "Enter the name of your organisation", "Choose a country from the list", "Enter the website as an address, like www.example.org",
                "Enter an email address in the correct format, like name@example.org");
        assertThat(refused.document().select("#email").val()).isEqualTo("not-an-address");
        assertThat(refused.document().select("#website").val()).isEqualTo("nowhere");
        assertThat(app.browser.get("/statements/strict").document().select("#signatories li").eachText()).containsExactly("Kept Org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'kept@example.org' AND country = 'BE'")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'edit_signature'")).isZero();
    }

    @Test
    void a_request_with_only_the_listed_name_renames_and_keeps_every_other_field() {
        app.statement("alias");
        signAndConfirm("/statements/alias", "picum", "BE", "p@example.org");
        Browser admin = app.admin();
        String path = "/admin/statements/alias/signatures/" + id("picum");
        List<String> csrf = admin.get(path).form("form[action*=/signatures/]").fields().get("csrf");

        assertThat(admin.post(path, Map.of("csrf", csrf, "display_name", List.of("PICUM"))).status()).isEqualTo(303);

        assertThat(app.browser.get("/statements/alias").document().select("#signatories li").eachText()).containsExactly("PICUM");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'picum' AND display_name = 'PICUM' "
                + "AND email = 'p@example.org' AND country = 'BE' AND contact_name = 'Contact of picum'")).isEqualTo(1);
        String detail = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'edit_signature'")
                .mapTo(String.class).one());
        assertThat(detail).isEqualTo("display_name: \"\" → \"PICUM\"");
    }

    @Test
    void a_withdrawn_signature_has_nothing_left_to_correct() {
        app.statement("gone");
        signAndConfirm("/statements/gone", "Gone Org", "BE", "gone@example.org");
        String id = id("Gone Org");
        Browser admin = app.admin();
        Form form = admin.get("/admin/statements/gone/signatures/" + id).form("form[action*=/signatures/]");
        app.db().useHandle(h -> h.execute("UPDATE signatures SET status = 'withdrawn', email = '', email_key = NULL, contact_name = NULL"));

        Page refused = form.set("contact_name", "Someone Else").set("email", "back@example.org").submit();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document().select(".error-summary li").eachText())
                .containsExactly("This signature was withdrawn or anonymised: its details are gone and cannot be changed.");
        assertThat(refused.document().select("form[action*=/signatures/]")).isEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = '' AND contact_name IS NULL")).isEqualTo(1);
    }

    @Test
    void an_address_that_already_signed_cannot_be_given_to_another_signature() {
        app.statement("twice");
        signAndConfirm("/statements/twice", "First Org", "BE", "first@example.org");
        signAndConfirm("/statements/twice", "Second Org", "FR", "second@example.org");
        Browser admin = app.admin();

        Page refused = admin.get("/admin/statements/twice/signatures/" + id("Second Org")).form("form[action*=/signatures/]")
                .set("organisation", "Renamed Org").set("email", "First+office@Example.org").submit();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary li").eachText())
                .containsExactly("This address has already signed this petition. Enter another one, or leave it empty.");
        assertThat(refused.document().select("#organisation").val()).isEqualTo("Renamed Org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Second Org' AND email = 'second@example.org'"))
                .as("nothing changed").isEqualTo(1);
    }

    @Test
    void a_signature_added_by_hand_is_listed_at_once_with_its_source() {
        app.statement("paper");
        Browser admin = app.admin();
        assertThat(admin.get("/admin/statements/paper").document().select("a[href=/admin/statements/paper/signatures/new]").text())
                .isEqualTo("Add a signature by hand");

        Page added = fillOrganisation(admin.get("/admin/statements/paper/signatures/new").form("form[action$=/signatures]"),
                "Paper Union", "").set("source_note", "Signed on paper at the Brussels meeting").submit();
        assertThat(added.status()).isEqualTo(303);
        assertThat(added.header("Location")).matches("/admin/statements/paper/signatures/\\d+\\?added=1");
        // a second one without an address: the one-address-once rule leaves rows without one alone
        assertThat(fillOrganisation(admin.get("/admin/statements/paper/signatures/new").form("form[action$=/signatures]"),
                "Another Paper Org", "").submit().status()).isEqualTo(303);

        assertThat(app.browser.get("/statements/paper").document().select("#signatories li").eachText())
                .containsExactlyInAnyOrder("Paper Union", "Another Paper Org");
        Page one = admin.follow(added);
        assertThat(one.text()).contains("Signature added.", "Added by a coordinator: Signed on paper at the Brussels meeting");
        assertThat(admin.get("/admin/statements/paper").document().select(".signatories-table tbody th").eachText())
                .contains("Paper Union Added by a coordinator: Signed on paper at the Brussels meeting");
        List<String> csv = admin.get("/admin/statements/paper/signatures.csv?sort=name").body().lines().toList();
        assertThat(csv.get(0)).endsWith(",Wants updates,Source,Shown publicly,Tags");
        assertThat(csv.get(2)).startsWith("Paper Union,Paper Union,").endsWith(",Added by a coordinator: Signed on paper at the Brussels meeting,By name,");
        List<String> details = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'add_signature' ORDER BY id")
                .mapTo(String.class).list());
        assertThat(details).containsExactly("Paper Union: Signed on paper at the Brussels meeting", "Another Paper Org");
        assertThat(mailbox.all()).as("nobody is mailed").isEmpty();
    }

    @Test
    void a_signature_added_with_a_confirmation_is_listed_once_its_contact_confirms() {
        app.statement("checked");
        Browser admin = app.admin();
        Page withoutAddress = fillOrganisation(admin.get("/admin/statements/checked/signatures/new").form("form[action$=/signatures]"),
                "Mailed Org", "").tick("confirm").submit();
        assertThat(withoutAddress.status()).isEqualTo(400);
        assertThat(withoutAddress.document().select(".error-summary li").eachText())
                .containsExactly("Enter the contact's email address to send them a confirmation");
        assertThat(withoutAddress.document().select("#confirm").hasAttr("checked")).isTrue();

        Page added = withoutAddress.form("form[action$=/signatures]").set("email", "contact@mailed.example.org").submit();
        assertThat(added.status()).isEqualTo(303);
        assertThat(app.browser.get("/statements/checked").document().select("#signatories li")).isEmpty();
        assertThat(admin.follow(added).text()).contains("Waiting for email confirmation", "Added by a coordinator");

        confirm(mailbox.nth("contact@mailed.example.org", 1));
        assertThat(app.browser.get("/statements/checked").document().select("#signatories li").eachText()).containsExactly("Mailed Org");
    }

    @Test
    void an_address_that_already_signed_is_not_added_again() {
        app.statement("again");
        signAndConfirm("/statements/again", "Online Org", "BE", "online@example.org");
        Browser admin = app.admin();
        Page refused = fillOrganisation(admin.get("/admin/statements/again/signatures/new").form("form[action$=/signatures]"),
                "Paper Copy", "online@example.org").submit();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary li").eachText())
                .containsExactly("This address has already signed this petition. Enter another one, or leave it empty.");
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
    }

    @Test
    void a_supporter_added_by_hand_counts_on_the_campaign() throws Exception {
        app.campaign("hands", "Raise hands", 10);
        Browser admin = app.admin();
        Page invalid = admin.get("/admin/campaigns/hands/signatures/new").form("form[action$=/signatures]")
                .set("first_name", "Ana").set("country", "PT").submit();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.document().select(".error-summary li").eachText()).containsExactly("Enter your last name");

        Page added = invalid.form("form[action$=/signatures]").set("last_name", "Silva").set("source_note", "By email").submit();
        assertThat(added.status()).isEqualTo(303);
        JsonNode json = new ObjectMapper().readTree(app.browser.get("/api/v1/campaigns/hands").body());
        assertThat(json.get("signatureCount").asLong()).isEqualTo(1);
        assertThat(json.get("countries").toString()).isEqualTo("{\"PT\":1}");
        assertThat(admin.follow(added).text()).contains("Ana Silva", "Added by a coordinator: By email");
    }

    @Test
    void a_coordinator_without_the_petition_can_neither_see_edit_nor_add() {
        app.statement("theirs");
        app.statement("mine");
        signAndConfirm("/statements/theirs", "Their Org", "BE", "their@example.org");
        long me = app.coordinator("coord@undersigned.test", "coordinator passphrase 1");
        app.assign("mine", me);
        Browser coordinator = app.loggedIn("coord@undersigned.test", "coordinator passphrase 1");
        String theirs = "/admin/statements/theirs/signatures/" + id("Their Org");
        // a form of their own petition carries their session's CSRF token
        Map<String, List<String>> fields = fillOrganisation(coordinator.get("/admin/statements/mine/signatures/new")
                .form("form[action$=/signatures]"), "Intruder Org", "").fields();

        assertThat(coordinator.get(theirs).status()).isEqualTo(404);
        assertThat(coordinator.post(theirs, fields).status()).isEqualTo(404);
        assertThat(coordinator.get("/admin/statements/theirs/signatures/new").status()).isEqualTo(404);
        assertThat(coordinator.post("/admin/statements/theirs/signatures", fields).status()).isEqualTo(404);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Intruder Org'")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Their Org'")).isEqualTo(1);
        assertThat(coordinator.post("/admin/statements/mine/signatures", fields).status()).as("the same form on their own").isEqualTo(303);
    }

    private static Form fillOrganisation(Form form, String organisation, String email) {
        return form.set("organisation", organisation).set("country", "BE").set("org_type", "trade_union")
                .set("contact_name", "Contact of " + organisation).set("email", email);
    }

    private long publicVersion(String slug) {
        return app.db().withHandle(h -> h.createQuery("SELECT public_version FROM petitions WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
    }

}
