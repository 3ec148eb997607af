package org.undersigned.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;

/** One statement or campaign, its text in several languages, one list of signatures. */
class TranslatedPetitionTest extends AppTest {
    static final String ARABIC_TITLE = "تسوية الأوضاع الآن";
    String statement;

    @BeforeEach
    void publish() {
        statement = app.statement("regularise", "Regularisation now", "We, the undersigned, *call* for regularisation.", "open");
        translate("regularise", "fr", "La régularisation maintenant", "Nous, soussignés, *demandons* la régularisation.", null);
        translate("regularise", "ar", ARABIC_TITLE, "نحن الموقعين أدناه نطالب بتسوية الأوضاع.", null);
    }

    @Test
    void the_french_version_shows_the_french_text_and_offers_the_others_with_hreflang() {
        Page page = app.browser.get(statement + "?lang=fr");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.h1()).isEqualTo("La régularisation maintenant");
        assertThat(page.document().selectFirst("main .prose").text()).isEqualTo("Nous, soussignés, demandons la régularisation.");
        assertThat(page.text()).doesNotContain("We, the undersigned").contains("Signer la déclaration");
        assertThat(page.document().select("head link[rel=alternate]").eachAttr("hreflang")).containsExactly("en", "ar", "fr", "x-default");
        assertThat(page.document().selectFirst("head link[rel=alternate][hreflang=en]").attr("href"))
                .isEqualTo(app.url(statement + "?lang=en"));
        assertThat(page.document().selectFirst("head link[rel=canonical]").attr("href")).isEqualTo(app.url(statement + "?lang=fr"));
        Element versions = page.document().selectFirst("nav.text-versions");
        assertThat(versions.select("a[hreflang]").eachAttr("href")).containsExactly(statement + "?lang=en", statement + "?lang=ar");
        assertThat(versions.selectFirst("[aria-current]").text()).isEqualTo("Français");
    }

    @Test
    void a_reader_whose_browser_asks_for_french_gets_the_french_text_without_asking() {
        Page page = app.browser.language("fr-BE,fr;q=0.9").get(statement);
        assertThat(page.h1()).isEqualTo("La régularisation maintenant");
        assertThat(app.browser.language("en").get(statement).h1()).isEqualTo("Regularisation now");
    }

    @Test
    void signers_of_the_french_and_english_versions_land_in_one_list_and_each_gets_mail_in_their_language() {
        // no cookie: only the link (?lang=fr) and the form say French; the browser's Accept-Language says English
        Page french = SignOnForm.filled(app.browser.language("en").get(statement + "?lang=fr"), "Collectif Soleil", "FR", "soleil@example.org").submit();
        assertThat(french.status()).isEqualTo(200);
        ReceivedMail frenchMail = mailbox.nth("soleil@example.org", 1);
        assertThat(frenchMail.subject()).isEqualTo("Confirmez votre signature\u202f: La régularisation maintenant");
        assertThat(frenchMail.text()).contains("Merci d'avoir signé «\u202fLa régularisation maintenant\u202f»");
        // the link's pages name the version signed, whatever the browser asks for
        assertThat(app.browser.get(frenchMail.linkTo("/confirm/")).text()).contains("La régularisation maintenant");
        assertThat(confirm(frenchMail).text()).contains("La régularisation maintenant").doesNotContain("Regularisation now");
        assertThat(mailbox.nth("soleil@example.org", 2).subject()).contains("Merci").contains("La régularisation maintenant");

        SignOnForm.sign(app.browser.language("en"), statement + "?lang=en", "Sunrise Network", "IE", "sunrise@example.org");
        ReceivedMail englishMail = mailbox.nth("sunrise@example.org", 1);
        assertThat(englishMail.subject()).isEqualTo("Confirm your signature: Regularisation now");
        confirm(englishMail);

        Page list = app.browser.get(statement);
        assertThat(list.document().select(".org-list li").eachText()).containsExactlyInAnyOrder("Collectif Soleil", "Sunrise Network");
        assertThat(app.browser.get(statement + "?lang=fr").document().select(".org-list li")).hasSize(2);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE text_lang = 'fr' AND locale = 'fr'")).isEqualTo(1);
    }

    @Test
    void the_arabic_text_is_marked_right_to_left_while_the_english_interface_stays_left_to_right() {
        Page page = app.browser.language("ar").get(statement);

        assertThat(page.document().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.document().selectFirst("html").attr("dir")).isEqualTo("ltr");
        Element title = page.document().selectFirst("main h1");
        assertThat(title.text()).isEqualTo(ARABIC_TITLE);
        assertThat(title.attr("lang")).isEqualTo("ar");
        assertThat(title.attr("dir")).isEqualTo("rtl");
        Element body = page.document().selectFirst("main .prose");
        assertThat(body.attr("lang")).isEqualTo("ar");
        assertThat(body.attr("dir")).isEqualTo("rtl");
        assertThat(page.document().selectFirst("#sign-on input[name=lang]").val()).isEqualTo("ar");
        assertThat(page.document().selectFirst("nav.text-versions [aria-current]").attr("dir")).isEqualTo("rtl");
        assertThat(app.browser.get(statement + "?lang=fr").document().selectFirst("main .prose").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void an_arabic_signer_gets_the_arabic_title_in_an_interface_language_mail() {
        Page signed = SignOnForm.filled(app.browser.language("ar").get(statement), "Jameyat Amal", "JO", "amal@example.org").submit();
        assertThat(signed.status()).isEqualTo(200);
        ReceivedMail mail = mailbox.nth("amal@example.org", 1);
        assertThat(mail.subject()).isEqualTo("Confirm your signature: " + ARABIC_TITLE);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE text_lang = 'ar' AND locale = 'en'")).isEqualTo(1);
    }

    @Test
    void a_campaign_in_two_languages_counts_every_supporter_once() throws Exception {
        String campaign = app.campaign("clean-air", "Clean air", 100);
        translate("clean-air", "es", "Aire limpio", "Firma *ya*.", "Acepto que guarden mis datos para contar mi firma.");
        Page spanish = app.browser.get(campaign + "?lang=es");
        assertThat(spanish.h1()).isEqualTo("Aire limpio");
        assertThat(spanish.document().selectFirst("label[for=consent]").text()).isEqualTo("Acepto que guarden mis datos para contar mi firma.");

        SupporterForm.filled(spanish, "Lucía", "ES", "lucia@example.org").submit();
        assertThat(mailbox.nth("lucia@example.org", 1).subject()).isEqualTo("Confirme su firma: Aire limpio");
        confirm(mailbox.nth("lucia@example.org", 1));
        SupporterForm.sign(app.browser, campaign, "Liam", "IE", "liam@example.org");
        confirm(mailbox.nth("liam@example.org", 1));

        JsonNode json = new ObjectMapper().readTree(app.browser.get("/api/v1/campaigns/clean-air").body());
        assertThat(json.get("signatureCount").asLong()).isEqualTo(2);
        assertThat(json.get("title").asText()).isEqualTo("Clean air");
        assertThat(json.get("languages").toString()).isEqualTo("[\"en\",\"es\"]");
        JsonNode statementJson = new ObjectMapper().readTree(app.browser.get("/api/v1/statements/regularise").body());
        assertThat(statementJson.get("languages").toString()).isEqualTo("[\"en\",\"ar\",\"fr\"]");
        assertThat(app.count("SELECT COUNT(*) FROM consent_texts WHERE locale = 'es' AND text LIKE 'Acepto que guarden%'")).isEqualTo(1);
    }

    @Test
    void a_page_with_one_language_offers_no_versions() {
        String single = app.statement("single");
        Page page = app.browser.get(single);
        assertThat(page.document().select("nav.text-versions")).isEmpty();
        assertThat(page.document().select("link[rel=alternate][hreflang]")).isEmpty();
        assertThat(page.document().selectFirst("head link[rel=canonical]").attr("href")).isEqualTo(app.url(single));
    }

    private void translate(String slug, String lang, String title, String body, String consent) {
        app.db().useHandle(h -> h.createUpdate("""
                        INSERT INTO petition_translations (petition_id, lang, title, summary, body, consent_text, updated_at)
                        SELECT id, :lang, :title, '', :body, :consent, 0 FROM petitions WHERE slug = :slug""")
                .bind("slug", slug).bind("lang", lang).bind("title", title).bind("body", body).bind("consent", consent)
                .execute());
    }
}
