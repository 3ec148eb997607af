package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Form;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

class SignOnValidationTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("validate-me");
    }

    @Test
    void empty_form_answers_400_with_an_error_summary_linking_to_each_field() {
        Page page = app.browser.get(statement).form("form#sign-on").submit();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().selectFirst(".error-summary h2").text()).isEqualTo("There is a problem");
        assertThat(page.document().select(".error-summary a").eachAttr("href"))
                .containsExactly("#organisation", "#country", "#org_type", "#contact_name", "#email", "#consent_publish");
        for (String href : page.document().select(".error-summary a").eachAttr("href")) {
            assertThat(page.document().select(href)).as(href).hasSize(1);
        }
        assertThat(page.document().title()).startsWith("Error:");
        assertNothingStored();
    }

    @Test
    void invalid_form_keeps_what_was_typed() {
        Form form = SignOnForm.filled(app.browser.get(statement), "Kept Org", "PT", "not-an-email");
        form.set("website", "www.kept.example.org");
        Page page = form.submit();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a").eachText())
                .containsExactly("Enter an email address in the correct format, like name@example.org");
        assertThat(page.document().selectFirst("#organisation").val()).isEqualTo("Kept Org");
        assertThat(page.document().selectFirst("#email").val()).isEqualTo("not-an-email");
        assertThat(page.document().selectFirst("#country option[selected]").val()).isEqualTo("PT");
        assertThat(page.document().selectFirst("#consent_publish").hasAttr("checked")).isTrue();
        assertThat(page.document().selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertNothingStored();
    }

    @Test
    void email_website_country_and_type_are_checked() {
        Page page = SignOnForm.filled(app.browser.get(statement), "Checks", "XX", "a@b@c.org")
                .set("website", "javascript:alert(1)")
                .set("org_type", "evil")
                .submit();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a").eachAttr("href"))
                .containsExactly("#country", "#org_type", "#website", "#email");
        assertNothingStored();
    }

    @Test
    void organisation_name_may_have_200_characters_but_not_201() {
        Page tooLong = SignOnForm.filled(app.browser.get(statement), "x".repeat(201), "BE", "long@example.org").submit();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("200 characters or fewer");
        assertNothingStored();

        Page fits = SignOnForm.filled(app.browser.get(statement), "é".repeat(200), "BE", "long@example.org")
                .set("website", "").set("contact_name", "Ana").submit();
        assertThat(fits.status()).as(fits.document().select(".error-summary").text()).isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
    }

    @Test
    void text_is_trimmed_collapsed_and_normalised_before_it_is_stored() {
        Page page = SignOnForm.filled(app.browser.get(statement), "  Cafe\u0301   des\t\tMigrants\u202E  ", "FR", "  cafe@example.org ")
                .set("website", "CafeDesMigrants.example.org")
                .submit();
        assertThat(page.status()).isEqualTo(200);
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery("SELECT organisation, email, website FROM signatures").mapToMap().one());
        assertThat(row).containsEntry("organisation", "Café des Migrants")
                .containsEntry("email", "cafe@example.org")
                .containsEntry("website", "https://CafeDesMigrants.example.org");
    }

    @Test
    void a_forged_or_missing_form_token_is_refused_with_input_kept() {
        Form form = SignOnForm.filled(app.browser.get(statement), "No Token", "BE", "token@example.org");
        form.set("form_token", "123.forged");
        Page page = form.submit();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("This form had expired");
        assertThat(page.document().selectFirst("#organisation").val()).isEqualTo("No Token");
        assertNothingStored();

        Page retried = page.form("form#sign-on").submit();
        assertThat(retried.status()).isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
    }

    @Test
    void a_form_posted_from_another_site_is_refused() {
        Form form = SignOnForm.filled(app.browser.get(statement), "Cross Site", "BE", "cross@example.org");
        Page page = app.browser.send(app.browser.request(statement + "/signatures")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(org.undersigned.support.Browser.encode(form.fields()))));
        assertThat(page.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void an_oversized_body_is_refused_with_413_and_nothing_stored() {
        Form form = SignOnForm.filled(app.browser.get(statement), "Huge", "BE", "huge@example.org");
        form.fields().put("padding", List.of("x".repeat(2_000_000)));
        Page page = form.submit();
        assertThat(page.status()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void a_field_over_its_limit_inside_a_small_body_is_a_400_not_a_crash() {
        Page page = SignOnForm.filled(app.browser.get(statement), "Org", "BE", "x".repeat(300) + "@example.org")
                .set("contact_name", "y".repeat(5000))
                .submit();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#contact_name", "#email");
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(mailbox.all()).isEmpty();
    }
}
