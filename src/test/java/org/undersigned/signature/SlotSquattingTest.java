package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/** Whoever types an address first does not decide what its owner's confirmation publishes. */
class SlotSquattingTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("squatted");
    }

    @Test
    void the_owner_signing_again_before_anyone_confirms_replaces_what_was_typed_in_their_name() {
        SignOnForm.sign(app.browser, statement, "Fake Front", "FR", "office@real.example.org");
        ReceivedMail first = mailbox.nth("office@real.example.org", 1);

        SignOnForm.sign(app.browser, statement, "Real Network", "BE", "office@real.example.org");
        ReceivedMail second = mailbox.nth("office@real.example.org", 2);

        // the confirm page says exactly what will be published, and it is the newest sign-on's
        Page confirmPage = app.browser.get(second.linkTo("/confirm/"));
        Element published = confirmPage.document().selectFirst("main dl.summary");
        assertThat(confirmPage.document().selectFirst("main h2.summary-heading").text()).isEqualTo("Published with the statement");
        assertThat(published.text()).contains("Real Network", "Belgium", "https://realnetwork.example.org").doesNotContain("Fake Front");
        assertThat(confirmPage.document().select("main dl.summary").get(1).text())
                .isEqualTo("Contact person Contact of Real Network Email address office@real.example.org");

        // even the first mail's link, sent when the impostor signed, now confirms the owner's data
        confirm(first);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Real Network");
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
    }

    @Test
    void an_address_held_as_suspect_gets_its_mail_when_its_owner_signs() {
        // someone signs with the owner's address and trips the honeypot: held, nobody mailed
        SignOnForm.filled(app.browser.get(statement), "Bot Front", "FR", "owner@real.example.org").set("contact_phone", "555").submit();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'honeypot'")).isEqualTo(1);

        SignOnForm.sign(app.browser, statement, "Owner Org", "BE", "owner@real.example.org");

        ReceivedMail mail = mailbox.nth("owner@real.example.org", 1);
        confirm(mail);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Owner Org");
        app.awaitOutboxSettled();
        assertThat(mailbox.to("owner@real.example.org")).hasSize(2); // the confirmation, then the thanks
    }

    @Test
    void a_repeat_that_trips_the_honeypot_changes_nothing_and_mails_nobody() {
        SignOnForm.sign(app.browser, statement, "Owner Org", "BE", "first@real.example.org");
        ReceivedMail mail = mailbox.nth("first@real.example.org", 1);

        Page bot = SignOnForm.filled(app.browser.get(statement), "Bot Front", "FR", "first@real.example.org").set("contact_phone", "555").submit();

        assertThat(bot.h1()).isEqualTo("Check your email");
        confirm(mail);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Owner Org");
        app.awaitOutboxSettled();
        assertThat(mailbox.to("first@real.example.org")).hasSize(2); // the confirmation and the thanks: none for the bot's repeat
    }
}
