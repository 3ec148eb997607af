package org.undersigned.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SupporterForm;

class CampaignSupporterTest extends AppTest {
    String campaign;

    @BeforeEach
    void start() {
        campaign = app.campaign("clinics", "Health care without fear", 500);
    }

    @Test
    void supporter_signs_confirms_sees_the_counter_move_and_can_withdraw() throws Exception {
        Page before = app.browser.get(campaign);
        assertThat(before.document().selectFirst("#counter").text()).contains("0 people have signed", "of a goal of 500");
        Element progress = before.document().selectFirst("#counter progress");
        assertThat(progress.attr("max")).isEqualTo("500");
        assertThat(progress.attr("value")).isEqualTo("0");

        Page checkEmail = SupporterForm.filled(before, "Amina", "BE", "amina@example.org").set("comment", "For my neighbours").submit();
        assertThat(checkEmail.status()).isEqualTo(200);
        assertThat(checkEmail.h1()).isEqualTo("Check your email");

        ReceivedMail confirmation = mailbox.nth("amina@example.org", 1);
        assertThat(confirmation.text()).contains("Hello Amina,");
        Page thanks = confirm(confirmation);
        assertThat(thanks.h1()).isEqualTo("Thank you, your signature is confirmed");
        assertThat(thanks.text()).contains("Health care without fear");
        ReceivedMail thanksMail = mailbox.nth("amina@example.org", 2);
        assertThat(thanksMail.subject()).contains("Health care without fear");
        assertThat(thanksMail.text()).contains(app.url(campaign)).contains("/manage/");
        assertThat(thanks.document().select(".share-links a").eachText())
                .containsExactly("Email", "WhatsApp", "Telegram", "Bluesky", "Mastodon", "X", "Facebook", "LinkedIn");
        // one script, the copy button's, from this site: no third party's
        assertThat(thanks.document().select("script").eachAttr("src")).containsExactly("/share.js");

        Page after = app.browser.get(campaign);
        assertThat(after.document().selectFirst("#counter").text()).contains("1 person has signed");
        assertThat(after.document().selectFirst("#counter progress").attr("value")).isEqualTo("1");
        assertThat(after.document().select("table.counts tbody tr").eachText()).containsExactly("Belgium 1");
        JsonNode json = new ObjectMapper().readTree(app.browser.get("/api/v1/campaigns/clinics").body());
        assertThat(json.get("signatureCount").asInt()).isEqualTo(1);
        assertThat(json.get("goal").asInt()).isEqualTo(500);
        assertThat(json.get("countries").toString()).isEqualTo("{\"BE\":1}");

        String manage = thanksMail.linkTo("/manage/");
        Page withdrawn = app.browser.get(manage).form("form[action$=/withdraw]").submit();
        assertThat(withdrawn.h1()).isEqualTo("Your signature has been withdrawn");
        assertThat(app.browser.get(campaign).document().selectFirst("#counter").text()).contains("0 people have signed");
        assertThat(app.browser.get("/api/v1/campaigns/clinics").body()).contains("\"signatureCount\":0");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE first_name IS NOT NULL OR comment IS NOT NULL OR email <> ''")).isZero();
    }

    @Test
    void the_thank_you_links_to_the_campaign_and_its_share_options_not_to_a_list_that_does_not_exist() {
        SupporterForm.sign(app.browser, campaign, "Omar", "NL", "omar@example.org");
        Page thanks = confirm(mailbox.nth("omar@example.org", 1));

        assertThat(thanks.text()).doesNotContainIgnoringCase("list of signatories");
        assertThat(thanks.document().select("a[href*='#signatories']")).isEmpty();
        assertThat(thanks.document().select("main a[href='" + campaign + "']").eachText())
                .containsExactly("Back to the campaign \"Health care without fear\"");
        assertThat(thanks.document().select("#share-url").attr("value")).isEqualTo(app.url(campaign));
        assertThat(thanks.document().select(".share-links a")).hasSize(8);
        // the same on a second visit to the link
        Page again = app.browser.get(mailbox.nth("omar@example.org", 1).linkTo("/confirm/"));
        assertThat(again.h1()).isEqualTo("This signature is already confirmed");
        assertThat(again.text()).doesNotContainIgnoringCase("list of signatories");
        assertThat(again.document().select("main a[href='" + campaign + "']")).hasSize(1);
    }

    @Test
    void a_supporter_is_asked_for_their_country_never_their_organisations() {
        Page page = SupporterForm.filled(app.browser.get(campaign), "Ines", "PT", "ines@example.org").set("country", "").submit();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a[href='#country']").text()).isEqualTo("Choose your country");
        assertThat(page.document().select("#country-error").text()).endsWith("Choose your country");
        assertThat(page.text()).doesNotContain("organisation");
        Page french = app.browser.language("fr").get(campaign).form("form#sign-on").submit();
        assertThat(french.document().select(".error-summary a[href='#country']").text()).isEqualTo("Choisissez votre pays");
        app.browser.language("en");
    }

    @Test
    void supporters_names_comments_and_emails_are_never_public() {
        SupporterForm.filled(app.browser.get(campaign), "Zofia", "PL", "zofia.private@example.org")
                .set("last_name", "Kowalska").set("comment", "A private reason").submit();
        confirm(mailbox.nth("zofia.private@example.org", 1));

        for (String path : new String[] {campaign, campaign + "/embed", "/api/v1/campaigns/clinics", "/"}) {
            assertThat(app.browser.get(path).body()).as(path).doesNotContain("Zofia", "Kowalska", "A private reason", "zofia.private");
        }
        assertThat(app.browser.get(campaign).text()).contains("1 person has signed", "Poland");
    }

    @Test
    void gmail_variants_of_one_address_count_once_and_get_the_same_page() {
        Page first = SupporterForm.sign(app.browser, campaign, "Jo", "FR", "jo.doe@gmail.com");
        Page second = SupporterForm.sign(app.browser, campaign, "Jo", "FR", "Jo.Doe+petitions@googlemail.com");
        Page third = SupporterForm.sign(app.browser, campaign, "Jo", "FR", "jodoe@GMAIL.com");
        Page plusTag = SupporterForm.sign(app.browser, campaign, "Al", "FR", "al+news@example.org");
        Page plain = SupporterForm.sign(app.browser, campaign, "Al", "FR", "al@example.org");

        assertThat(second.h1()).isEqualTo(first.h1());
        assertThat(third.status()).isEqualTo(first.status());
        assertThat(plain.h1()).isEqualTo(plusTag.h1());
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email_key = 'jodoe@gmail.com'")).isEqualTo(1);
    }

    @Test
    void embed_pages_may_be_framed_by_any_site_and_no_other_page_may() {
        for (String path : new String[] {campaign + "/embed", "/statements/none/embed".replace("none", slugOfStatement())}) {
            Page embed = app.browser.get(path);
            assertThat(embed.status()).as(path).isEqualTo(200);
            assertThat(embed.header("Content-Security-Policy")).as(path).contains("frame-ancestors *").doesNotContain("frame-ancestors 'none'");
            assertThat(embed.header("X-Frame-Options")).as(path).isNull();
        }
        for (String path : new String[] {campaign, "/", "/api/v1/campaigns/clinics", "/confirm/x"}) {
            Page page = app.browser.get(path);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(page.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void signing_from_the_embed_works_mail_and_all() {
        Page embed = app.browser.get(campaign + "/embed");
        assertThat(embed.document().select("header.site-header")).isEmpty();
        Page checkEmail = SupporterForm.filled(embed, "Framed", "IT", "framed@example.org").submit();

        assertThat(checkEmail.status()).isEqualTo(200);
        assertThat(checkEmail.h1()).isEqualTo("Check your email");
        assertThat(checkEmail.header("Content-Security-Policy")).contains("frame-ancestors *");
        confirm(mailbox.nth("framed@example.org", 1));
        assertThat(app.browser.get(campaign + "/embed").document().selectFirst("#counter").text()).contains("1 person has signed");

        Page invalid = app.browser.get(campaign + "/embed").form("form#sign-on").submit();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(invalid.document().select(".error-summary a").eachAttr("href")).contains("#first_name", "#email", "#consent");
    }

    @Test
    void pages_carry_open_graph_and_twitter_card_tags() {
        app.db().useHandle(h -> h.execute("UPDATE petitions SET image_url = 'https://cdn.example.org/clinics.png' WHERE slug = 'clinics'"));
        Page page = app.browser.get(campaign);
        assertThat(meta(page, "property", "og:title")).isEqualTo("Health care without fear");
        assertThat(meta(page, "property", "og:description")).isEqualTo("A campaign summary");
        assertThat(meta(page, "property", "og:url")).isEqualTo(app.url(campaign));
        assertThat(meta(page, "property", "og:image")).isEqualTo("https://cdn.example.org/clinics.png");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(page.document().selectFirst("link[rel=canonical]").attr("href")).isEqualTo(app.url(campaign));

        Page statement = app.browser.get("/statements/" + slugOfStatement());
        assertThat(meta(statement, "property", "og:title")).isEqualTo("Statement " + slugOfStatement());
        assertThat(meta(statement, "name", "twitter:card")).isEqualTo("summary");
    }

    private String slugOfStatement() {
        if (app.count("SELECT COUNT(*) FROM petitions WHERE slug = 'framed-statement'") == 0) app.statement("framed-statement");
        return "framed-statement";
    }

    private static String meta(Page page, String attribute, String name) {
        Element meta = page.document().selectFirst("meta[" + attribute + "=" + name + "]");
        return meta == null ? null : meta.attr("content");
    }
}
