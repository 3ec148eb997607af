package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SupporterForm;

class ThankYouPageTest extends AppTest {

    @Test
    void the_thank_you_page_numbers_the_signer_in_their_language_offers_shares_with_icons_a_copy_field_and_the_next_step() {
        String campaign = app.campaign("clinics", "Health care without fear", 500);
        app.db().useHandle(h -> h.execute(
                "UPDATE petitions SET next_step = 'donate', next_step_url = 'https://example.org/give?from=thanks' WHERE slug = 'clinics'"));

        Page first = signAndConfirmIn("en", campaign, "amina@example.org");
        Page second = signAndConfirmIn("fr", campaign, "bruno@example.org");
        Page third = signAndConfirmIn("es", campaign, "carmen@example.org");
        assertThat(first.document().selectFirst(".signer-number").text()).isEqualTo("You are the 1st supporter of this campaign.");
        assertThat(second.document().selectFirst(".signer-number").text()).isEqualTo("Vous êtes le 2e soutien de cette campagne.");
        assertThat(third.document().selectFirst(".signer-number").text()).isEqualTo("Usted es el 3.º firmante de esta campaña.");
        // the same number on a second visit to the link
        Page again = app.browser.get(mailbox.nth("amina@example.org", 1).linkTo("/confirm/"));
        assertThat(again.document().selectFirst(".signer-number").text()).isEqualTo("You are the 1st supporter of this campaign.");

        String encoded = URLEncoder.encode(app.url(campaign), StandardCharsets.UTF_8);
        assertThat(first.document().select(".share-links a").eachText())
                .containsExactly("Email", "WhatsApp", "Telegram", "Bluesky", "Mastodon", "X", "Facebook", "LinkedIn");
        for (Element link : first.document().select(".share-links a")) {
            assertThat(link.attr("href")).contains(encoded);
            assertThat(link.selectFirst("svg").attr("aria-hidden")).isEqualTo("true");
        }
        assertThat(first.document().selectFirst(".share-facebook").attr("href")).isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + encoded);
        Element field = first.document().selectFirst("#share-url");
        assertThat(field.attr("value")).isEqualTo(app.url(campaign));
        assertThat(field.hasAttr("readonly")).isTrue();
        assertThat(first.document().selectFirst("label[for=share-url]").text()).isEqualTo("Or copy the link");
        Element copy = first.document().selectFirst("button[data-copy=share-url]");
        assertThat(copy.hasAttr("hidden")).isTrue(); // shown by the script; without it the field is the way to copy
        assertThat(first.document().select("script").eachAttr("src")).containsExactly("/share.js");
        assertThat(app.browser.get("/share.js").status()).isEqualTo(200);

        Element next = first.document().selectFirst(".next-step a");
        assertThat(next.attr("href")).isEqualTo("https://example.org/give?from=thanks");
        assertThat(next.text()).isEqualTo("Donate");
        assertThat(second.document().selectFirst(".next-step a").text()).isEqualTo("Faire un don");
    }

    @Test
    void a_statement_signatory_awaiting_approval_gets_no_number() {
        String statement = app.statement("asks-approval");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'asks-approval'"));
        org.undersigned.support.SignOnForm.sign(app.browser, statement, "Org One", "BE", "one@example.org");
        Page thanks = confirm(mailbox.nth("one@example.org", 1));
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.document().select(".signer-number")).isEmpty();
        assertThat(thanks.document().select(".next-step")).isEmpty();
    }

    private Page signAndConfirmIn(String lang, String campaign, String email) {
        Browser browser = new Browser(app.url("")).language(lang);
        SupporterForm.sign(browser, campaign, "Someone", "BE", email);
        return browser.get(mailbox.nth(email, 1).linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
    }
}
