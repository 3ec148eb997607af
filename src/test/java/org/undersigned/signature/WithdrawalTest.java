package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;

/** Withdrawing asks one question, answered by one POST, and leaves a receipt in the signer's mailbox. */
class WithdrawalTest extends AppTest {

    @Test
    void an_organisation_is_asked_once_and_gets_a_receipt_naming_what_was_withdrawn_and_from_where() {
        String statement = app.statement("leave", "Close the camps", "Text", "open");
        SignOnForm.sign(app.browser, statement, "Harbour Legal Aid", "BE", "harbour@example.org");
        confirm(mailbox.nth("harbour@example.org", 1));
        String manage = mailbox.nth("harbour@example.org", 2).linkTo("/manage/");

        Page page = app.browser.get(manage);
        assertThat(page.document().select("#withdraw-title").text()).isEqualTo("Withdraw our signature?");
        assertThat(page.document().select("form[action$=/withdraw]")).hasSize(1);
        assertThat(page.document().select("form[action$=/withdraw] button").text()).isEqualTo("Yes, withdraw our signature");
        assertThat(page.document().select("script")).isEmpty();

        Page withdrawn = page.form("form[action$=/withdraw]").submit();
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.h1()).isEqualTo("Your signature has been withdrawn");
        assertThat(withdrawn.text()).contains("We have sent a receipt by email.");

        ReceivedMail receipt = mailbox.nth("harbour@example.org", 3);
        assertThat(receipt.subject()).isEqualTo("Signature withdrawn: Close the camps");
        assertThat(receipt.text()).contains("Hello Contact of Harbour Legal Aid,",
                "the signature of Harbour Legal Aid on \"Close the camps\" has been withdrawn",
                "no longer appears on the list of signatories", app.url(statement));
        assertThat(receipt.html()).contains("Harbour Legal Aid").contains("Close the camps");
        assertThat(receipt.linksTo("/manage/")).isEmpty();
        assertThat(app.browser.get(receipt.linkTo(statement)).text()).doesNotContain("Harbour Legal Aid");
    }

    @Test
    void withdrawing_again_sends_nothing_and_says_it_was_already_withdrawn() {
        String statement = app.statement("twice");
        SignOnForm.sign(app.browser, statement, "Twice Org", "BE", "twice@example.org");
        confirm(mailbox.nth("twice@example.org", 1));
        Page page = app.browser.get(mailbox.nth("twice@example.org", 2).linkTo("/manage/"));
        // the page open in two tabs: each answers the question
        Form first = page.form("form[action$=/withdraw]");
        Form second = page.form("form[action$=/withdraw]");
        assertThat(first.submit().h1()).isEqualTo("Your signature has been withdrawn");
        mailbox.nth("twice@example.org", 3);

        Page again = second.submit();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.h1()).isEqualTo("This signature was already withdrawn");
        assertThat(again.document().title()).isEqualTo("This signature was already withdrawn – undersigned");
        assertThat(again.text()).contains("Nothing changed and no mail was sent.").doesNotContain("receipt");
        app.awaitOutboxSettled();
        assertThat(mailbox.to("twice@example.org")).as("confirmation, thanks, one receipt").hasSize(3);
    }

    @Test
    void a_supporter_is_asked_in_the_first_person_and_the_receipt_comes_in_their_language() {
        String campaign = app.campaign("partir", "Des soins sans peur", 100);
        Browser french = app.browser.language("fr");
        SupporterForm.sign(french, campaign, "Camille", "FR", "camille@example.org");
        confirm(mailbox.nth("camille@example.org", 1));
        Page page = french.get(mailbox.nth("camille@example.org", 2).linkTo("/manage/"));
        assertThat(page.document().select("#withdraw-title").text()).isEqualTo("Retirer ma signature\u202f?");
        // switched to English (the mail's link opens in French): the receipt still speaks the signer's language
        String link = mailbox.nth("camille@example.org", 2).linkTo("/manage/");
        assertThat(link).endsWith("?lang=fr");
        Page english = app.browser.language("en").get(link.replace("?lang=fr", "?lang=en"));
        assertThat(english.document().select("#withdraw-title").text()).isEqualTo("Withdraw my signature?");
        english.form("form[action$=/withdraw]").submit();
        ReceivedMail receipt = mailbox.nth("camille@example.org", 3);
        assertThat(receipt.subject()).isEqualTo("Signature retirée\u202f: Des soins sans peur");
        assertThat(receipt.text()).contains("Bonjour Camille,", "votre signature (Camille Supporter)", "Des soins sans peur",
                "n'est plus comptabilisée");
    }
}
