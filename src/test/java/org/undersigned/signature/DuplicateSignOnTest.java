package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

class DuplicateSignOnTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("once-only");
    }

    @Test
    void a_repeat_while_pending_gets_the_same_page_and_the_confirmation_link_again() {
        Page first = SignOnForm.sign(app.browser, statement, "Repeat Org", "BE", "repeat@example.org");
        Page second = SignOnForm.sign(app.browser, statement, "Repeat Org", "BE", "Repeat@EXAMPLE.org");

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.document().select("main").text()).isEqualTo(first.document().select("main").text().replace("repeat@example.org", "Repeat@EXAMPLE.org"));
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);

        ReceivedMail again = mailbox.nth("repeat@example.org", 2);
        confirm(again);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Repeat Org");

        // the first link still works too: confirming through it is harmless
        String firstLink = mailbox.nth("repeat@example.org", 1).linkTo("/confirm/");
        assertThat(app.browser.get(firstLink).h1()).isEqualTo("This signature is already confirmed");
    }

    @Test
    void a_repeat_after_confirming_gets_an_already_signed_mail_and_changes_nothing() {
        SignOnForm.sign(app.browser, statement, "Done Org", "BE", "done@example.org");
        confirm(mailbox.nth("done@example.org", 1));
        mailbox.nth("done@example.org", 2);

        Page repeat = SignOnForm.sign(app.browser, statement, "Impostor Name", "FR", "done@example.org");

        assertThat(repeat.h1()).isEqualTo("Check your email");
        ReceivedMail already = mailbox.nth("done@example.org", 3);
        assertThat(already.subject()).startsWith("You have already signed");
        assertThat(already.linksTo("/confirm/")).isEmpty();
        assertThat(app.browser.get(already.linkTo("/manage/")).text()).contains("Done Org");
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Done Org");
    }

    @Test
    void one_address_receives_at_most_a_handful_of_mails_per_statement() {
        for (int i = 0; i < 12; i++) {
            assertThat(SignOnForm.sign(app.browser, statement, "Flood", "BE", "victim@example.org").status()).isEqualTo(200);
        }
        mailbox.nth("victim@example.org", SignOn.MAX_MAILS);
        app.awaitOutboxSettled();
        assertThat(mailbox.to("victim@example.org")).hasSize(SignOn.MAX_MAILS);
        assertThat(app.count("SELECT COUNT(*) FROM outbox")).isEqualTo(SignOn.MAX_MAILS);
    }

    @Test
    void fifty_concurrent_sign_ons_with_duplicates_store_exactly_the_unique_ones() throws Exception {
        Page served = app.browser.get(statement);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i % 20;
            String email = (i % 2 == 0 ? "org" : "ORG") + n + "@example.org";
            results.add(pool.submit(() -> SignOnForm.filled(served, "Org " + n, "BE", email).submit().status()));
        }
        for (Future<Integer> result : results) assertThat(result.get()).isEqualTo(200);
        pool.shutdown();

        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(20);
        assertThat(app.count("SELECT COUNT(DISTINCT email_key) FROM signatures")).isEqualTo(20);
    }

    @Test
    void variants_of_one_address_are_refused_as_not_plain_and_mail_it_nothing_more() {
        SignOnForm.sign(app.browser, statement, "Victim Org", "BE", "victim@example.org");
        mailbox.nth("victim@example.org", 1);
        for (String variant : List.of("(1)victim@example.org", "victim@example.org(2)", "\"victim\"@example.org",
                "Victim <victim@example.org>", "victim @example.org")) {
            Page page = SignOnForm.sign(app.browser, statement, "Victim Org", "BE", variant);
            assertThat(page.status()).as(variant).isEqualTo(400);
            assertThat(page.document().select(".error-summary a").eachText()).as(variant).containsExactly(
                    "Enter the email address alone, like name@example.org: without a name, comment, quotation marks, brackets or spaces");
            assertThat(page.document().selectFirst("#email").val()).isEqualTo(variant);
        }
        app.awaitOutboxSettled();
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).as("one mailbox, one signer").isEqualTo(1);
        assertThat(mailbox.to("victim@example.org")).hasSize(1);
    }

    @Test
    void an_internationalised_domain_typed_either_way_is_one_signer() {
        SignOnForm.sign(app.browser, statement, "IDN Org", "BE", "info@exämple.org");
        Page again = SignOnForm.sign(app.browser, statement, "IDN Org", "BE", "info@xn--exmple-cua.org");
        assertThat(again.status()).isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
    }
}
