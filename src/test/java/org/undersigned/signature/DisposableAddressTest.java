package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;

/** Organisations do not sign with mailinator: a statement's sign-on from a throwaway domain waits for a coordinator. */
class DisposableAddressTest extends AppTest {

    @Test
    void a_statement_sign_on_from_a_throwaway_domain_is_held_with_its_reason_and_gmail_is_not() {
        String statement = app.statement("throwaway");
        Page held = SignOnForm.sign(app.browser, statement, "Throwaway Org", "BE", "someone@mailinator.com");
        Page mailed = SignOnForm.sign(app.browser, statement, "Real Org", "BE", "someone@gmail.com");
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.document().select("main").text().replace("someone@mailinator.com", "X"))
                .as("the same page as anyone's").isEqualTo(mailed.document().select("main").text().replace("someone@gmail.com", "X"));

        mailbox.nth("someone@gmail.com", 1);
        app.awaitOutboxSettled();
        assertThat(mailbox.all()).as("only gmail.com was mailed").hasSize(1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'someone@mailinator.com' AND suspect = 'disposable'")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'someone@gmail.com' AND suspect IS NULL")).isEqualTo(1);

        SignOnForm.sign(app.browser, statement, "Throwaway Org again", "BE", "someone@mailinator.com");
        app.clock.advance(Duration.ofHours(2));
        app.awaitChores();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect = 'disposable' AND organisation = 'Throwaway Org'"))
                .as("neither a repeat nor a quiet source releases it").isEqualTo(1);

        Page list = app.admin().get("/admin" + statement + "?status=suspect");
        assertThat(list.document().select(".signatories-table tbody tr").eachText()).singleElement().asString()
                .contains("Throwaway Org", "Held: a throwaway address (such as mailinator.com), not mailed; release it if you know the organisation");
        Form release = list.form("form#moderation");
        release.set("ids", String.valueOf(app.count("SELECT id FROM signatures WHERE suspect = 'disposable'"))).set("decision", "release").submit();
        confirm(mailbox.nth("someone@mailinator.com", 1));
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactlyInAnyOrder("Throwaway Org");
    }

    @Test
    void a_correction_to_a_throwaway_address_is_held_too() {
        String statement = app.statement("corrected");
        Page page = SignOnForm.sign(app.browser, statement, "Typo Org", "BE", "typo@example.org");
        Page corrected = page.form("form[action$=/correct]:not(.suggestion)").set("email", "typo@yopmail.com").submit();
        assertThat(corrected.status()).isEqualTo(200);
        app.awaitOutboxSettled();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'typo@yopmail.com' AND suspect = 'disposable'")).isEqualTo(1);
    }

    @Test
    void campaigns_take_throwaway_addresses_as_any_other() {
        String campaign = app.campaign("people", "People", 100);
        SupporterForm.sign(app.browser, campaign, "Private", "BE", "me@mailinator.com");
        mailbox.nth("me@mailinator.com", 1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect IS NOT NULL")).isZero();
    }

    @Test
    void the_bundled_list_is_sorted_as_lookups_need_and_covers_wildcard_subdomains() {
        DisposableDomains domains = DisposableDomains.bundled();
        assertThat(domains.sorted()).isTrue();
        assertThat(domains.isDisposable("a@mailinator.com")).isTrue();
        assertThat(domains.isDisposable("a@MailInator.COM")).isTrue();
        assertThat(domains.isDisposable("a@x.y.33mail.com")).as("listed with its subdomains").isTrue();
        for (String ordinary : new String[] {"a@gmail.com", "a@outlook.com", "a@proton.me", "a@posteo.de", "a@riseup.net", "a@orange.fr",
                "a@example.org", "a@com"}) {
            assertThat(domains.isDisposable(ordinary)).as(ordinary).isFalse();
        }
        DisposableDomains unsorted = new DisposableDomains("# header\nb.example\na.example\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unsorted.sorted()).isFalse();
    }
}
