package org.undersigned.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

class StatementSignOnTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("end-detention", "End immigration detention", "We, the undersigned, call for **change**.", "open");
    }

    @Test
    void organisation_appears_on_list_after_confirming_email() {
        Page checkEmail = SignOnForm.sign(app.browser, statement, "PICUM", "BE", "contact@picum.example.org");
        assertThat(checkEmail.status()).isEqualTo(200);
        assertThat(checkEmail.h1()).isEqualTo("Check your email");
        assertThat(checkEmail.text()).contains("contact@picum.example.org");
        assertThat(app.browser.get(statement).text()).doesNotContain("PICUM");

        ReceivedMail confirmation = mailbox.nth("contact@picum.example.org", 1);
        assertThat(confirmation.subject()).contains("End immigration detention");
        assertThat(confirmation.html()).contains("/confirm/");
        String link = confirmation.linkTo("/confirm/");
        assertThat(confirmation.text().lines()).as("the link stands on a line of its own").contains(link);
        Page confirmPage = app.browser.get(link);
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(confirmPage.text()).contains("PICUM");

        Page thanks = confirmPage.form("form[action^=/confirm/]").submit();
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.h1()).contains("confirmed");
        assertThat(thanks.document().select(".share-links a")).hasSizeGreaterThanOrEqualTo(8);

        Page list = app.browser.get(statement);
        assertThat(list.document().select("#signatories li").eachText()).containsExactly("PICUM");
        assertThat(list.text()).contains("1 organisation has signed");
        Element website = list.document().selectFirst("#signatories a[href=https://picum.example.org]");
        assertThat(website).isNotNull();
        assertThat(website.attr("rel")).isEqualTo("nofollow noopener");

        ReceivedMail thankYou = mailbox.nth("contact@picum.example.org", 2);
        assertThat(thankYou.subject()).startsWith("Thank you");
        Page manage = app.browser.get(thankYou.linkTo("/manage/"));
        assertThat(manage.status()).isEqualTo(200);
        assertThat(manage.text()).contains("PICUM", "contact@picum.example.org");
        assertThat(manage.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void opening_the_confirm_link_without_pressing_the_button_confirms_nothing() {
        SignOnForm.sign(app.browser, statement, "Scanner Victims", "FR", "a@scanned.example.org");
        String link = mailbox.nth("a@scanned.example.org", 1).linkTo("/confirm/");

        app.browser.get(link);
        app.browser.get(link);

        assertThat(app.browser.get(statement).text()).doesNotContain("Scanner Victims").contains("No organisation has signed yet");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE status = 'confirmed'")).isZero();
    }

    @Test
    void confirming_twice_is_harmless_and_sends_one_thank_you() {
        SignOnForm.sign(app.browser, statement, "Twice Org", "DE", "twice@example.org");
        String link = mailbox.nth("twice@example.org", 1).linkTo("/confirm/");
        Page first = app.browser.get(link).form("form[action^=/confirm/]").submit();
        Page confirmForm = app.browser.get(link);
        assertThat(confirmForm.h1()).isEqualTo("This signature is already confirmed");

        mailbox.nth("twice@example.org", 2);
        app.awaitOutboxSettled();
        assertThat(first.status()).isEqualTo(200);
        assertThat(mailbox.to("twice@example.org")).hasSize(2);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Twice Org");
    }

    @Test
    void contact_names_and_emails_never_appear_publicly() {
        SignOnForm.sign(app.browser, statement, "Private Org", "IT", "secret-person@example.org");
        confirm(mailbox.nth("secret-person@example.org", 1));

        String page = app.browser.get(statement).body();
        String json = app.browser.get("/api/v1/statements/end-detention").body();
        assertThat(page).contains("Private Org").doesNotContain("secret-person", "Contact of Private Org");
        assertThat(json).contains("Private Org").doesNotContain("secret-person", "Contact of Private Org");
    }

    @Test
    void public_list_is_grouped_by_country_name_and_sorted_by_organisation() {
        signAndConfirm("Zeta Solidarity", "FR", "z@example.org");
        signAndConfirm("alpha network", "FR", "a@example.org");
        signAndConfirm("Mitte Verein", "DE", "m@example.org");
        signAndConfirm("Brussels Collective", "BE", "b@example.org");

        Page page = app.browser.get(statement);
        assertThat(page.document().select("#signatories h3").eachText())
                .containsExactly("Belgium (1)", "France (2)", "Germany (1)");
        assertThat(page.document().select("#signatories ul").get(1).select("li").eachText())
                .containsExactly("alpha network", "Zeta Solidarity");
        assertThat(page.text()).contains("4 organisations have signed");
    }

    @Test
    void closed_statement_shows_its_list_and_closing_date_and_no_form() {
        signAndConfirm("Early Signer", "NL", "early@example.org");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET status = 'closed', closed_at = ? WHERE slug = 'end-detention'",
                java.time.Instant.parse("2026-11-20T10:00:00Z").toEpochMilli()));

        Page page = app.browser.get(statement);
        assertThat(page.document().select("form#sign-on")).isEmpty();
        assertThat(page.text()).contains("This statement closed on November 20, 2026", "Early Signer");
    }

    @Test
    void draft_statement_is_not_found() {
        String draft = app.statement("secret-draft", "Not yet", "Draft text", "draft");
        assertThat(app.browser.get(draft).status()).isEqualTo(404);
        Page api = app.browser.get("/api/v1/statements/secret-draft");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).contains("\"error\":\"not_found\"").doesNotContain("Not yet");
        assertThat(app.browser.get("/statements/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void markdown_is_rendered_but_raw_html_and_javascript_links_are_neutralised() {
        String path = app.statement("hostile", "Hostile text",
                "# Heading\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2)) and **bold**", "open");
        Page page = app.browser.get(path);
        Element prose = page.document().selectFirst(".prose");
        assertThat(prose.select("script")).isEmpty();
        assertThat(prose.select("strong").text()).isEqualTo("bold");
        assertThat(prose.select("a").attr("href")).doesNotContain("javascript");
        assertThat(prose.text()).contains("<script>alert(1)</script>");
    }

    private void signAndConfirm(String organisation, String country, String email) {
        SignOnForm.sign(app.browser, statement, organisation, country, email);
        confirm(mailbox.nth(email, 1));
    }
}
