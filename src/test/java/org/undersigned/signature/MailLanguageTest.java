package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/**
 * A signer reads the mail in the language they signed in, and every link in it opens its page in
 * that language, whatever the browser that opens it asks for; a result page's language switcher
 * keeps the reader on that petition and never resubmits a form.
 */
class MailLanguageTest extends AppTest {
    String statement;

    @BeforeEach
    void publish() {
        statement = app.statement("regularise", "Regularisation now", "We, the undersigned, call for regularisation.", "open");
    }

    @Test
    void a_french_signers_links_open_in_french_even_in_an_english_browser() {
        Browser french = new Browser(app.config.web().baseUrl()).language("fr");
        SignOnForm.sign(french, statement, "Collectif Soleil", "FR", "soleil@example.org");
        ReceivedMail mail = mailbox.nth("soleil@example.org", 1);
        assertThat(mail.subject()).startsWith("Confirmez votre signature");
        String confirmLink = mail.linkTo("/confirm/");
        assertThat(URI.create(confirmLink).getQuery()).isEqualTo("lang=fr");

        Browser english = new Browser(app.config.web().baseUrl(), true).language("en");
        Page confirmPage = english.get(confirmLink);
        assertThat(confirmPage.document().selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(confirmPage.h1()).isEqualTo("Confirmez votre signature");
        // the link's language is remembered: the button's answer is French too
        Page confirmed = confirmPage.form("form[action^=/confirm/]").submit();
        assertThat(confirmed.h1()).isEqualTo("Merci, votre signature est confirmée");

        ReceivedMail thanks = mailbox.nth("soleil@example.org", 2);
        assertThat(thanks.linksTo("/")).hasSize(2).allSatisfy(link -> assertThat(link).endsWith("?lang=fr"));
        assertThat(thanks.html()).contains("?lang=fr\"");
        assertThat(thanks.header("List-Unsubscribe")).isNull();
        Browser otherEnglish = new Browser(app.config.web().baseUrl()).language("en");
        Page manage = otherEnglish.get(thanks.linkTo("/manage/"));
        assertThat(manage.h1()).isEqualTo("Votre signature");
        assertThat(otherEnglish.get(thanks.linkTo("/statements/")).document().selectFirst("html").attr("lang")).isEqualTo("fr");
    }

    @Test
    void a_french_reader_of_a_text_with_no_french_version_gets_french_mail_that_names_the_texts_language() {
        translate("es", "Regularización ya");
        Browser french = new Browser(app.config.web().baseUrl(), true).language("en");
        french.get(statement + "?lang=fr"); // chose French with the switcher; no French version: the English text
        Page signed = SignOnForm.sign(french, statement, "Collectif Lune", "FR", "lune@example.org");
        assertThat(signed.h1()).isEqualTo("Consultez vos e-mails");

        ReceivedMail mail = mailbox.nth("lune@example.org", 1);
        assertThat(mail.subject()).isEqualTo("Confirmez votre signature\u202f: Regularisation now");
        assertThat(mail.text()).contains("Le texte que vous avez signé est rédigé en anglais.");
        assertThat(mail.html()).contains("Le texte que vous avez signé est rédigé en anglais.");
        assertThat(mail.text().replace("\r\n", "\n")).contains("Confirmer la signature\u202f:\n").doesNotContain("\n\n\n");

        // the English signer of the English text is told nothing of the kind
        SignOnForm.sign(app.browser.language("en"), statement, "Sunrise Network", "IE", "sunrise@example.org");
        assertThat(mailbox.nth("sunrise@example.org", 1).text()).doesNotContain("written in");
    }

    @Test
    void the_switcher_on_the_check_your_email_page_leads_to_the_petition_not_home() {
        Page signed = SignOnForm.sign(app.browser, statement, "Switch Network", "BE", "switch@example.org");
        assertThat(signed.document().select("nav.languages a").eachAttr("href"))
                .containsExactly(statement + "?lang=fr", statement + "?lang=es");
        Page inSpanish = app.browser.get(signed.document().selectFirst("nav.languages a[hreflang=es]").attr("href"));
        assertThat(inSpanish.status()).isEqualTo(200);
        assertThat(inSpanish.h1()).isEqualTo("Regularisation now");
        assertThat(inSpanish.document().selectFirst("html").attr("lang")).isEqualTo("es");

        Page invalid = SignOnForm.filled(app.browser.get(statement), "Switch Network", "BE", "not an address").submit();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.document().select("nav.languages a").eachAttr("href")).contains(statement + "?lang=fr");
    }

    @Test
    void the_switcher_on_the_confirm_and_manage_pages_stays_on_that_page_after_a_post() {
        SignOnForm.sign(app.browser, statement, "Stay Network", "BE", "stay@example.org");
        String confirmLink = mailbox.nth("stay@example.org", 1).linkTo("/confirm/");
        String confirmPath = URI.create(confirmLink).getPath();
        Page pending = app.browser.get(confirmLink);
        assertThat(pending.document().select("nav.languages a").eachAttr("href")).contains(confirmPath + "?lang=fr");

        Page confirmed = confirm(mailbox.nth("stay@example.org", 1));
        assertThat(confirmed.document().select("nav.languages a").eachAttr("href")).contains(statement + "?lang=fr");
        Page french = app.browser.get(confirmPath + "?lang=fr");
        assertThat(french.document().selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(french.text()).contains("Regularisation now");

        String managePath = URI.create(mailbox.nth("stay@example.org", 2).linkTo("/manage/")).getPath();
        Page withdrawn = app.browser.get(managePath).form("form[action*=/withdraw]").submit();
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.document().select("nav.languages a").eachAttr("href")).contains(managePath + "?lang=es");
        Page spanish = app.browser.get(managePath + "?lang=es");
        assertThat(spanish.h1()).isEqualTo("Esta firma se retiró");
    }

    private void translate(String lang, String title) {
        app.db().useHandle(h -> h.createUpdate("""
                        INSERT INTO petition_translations (petition_id, lang, title, summary, body, consent_text, updated_at)
                        SELECT id, :lang, :title, '', 'Texto.', NULL, 0 FROM petitions WHERE slug = 'regularise'""")
                .bind("lang", lang).bind("title", title).execute());
    }
}
