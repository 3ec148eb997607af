package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/**
 * The "check your email" page sends the mail again (within the caps) and moves a sign-on to the
 * address its signer meant to type; the mistyped address's link then publishes nothing, and nobody
 * but the person who just signed can do either.
 */
class AfterSigningTest extends AppTest {
    String statement;

    @BeforeEach
    void publish() {
        statement = app.statement("regularise", "Regularisation now", "We, the undersigned, call for regularisation.", "open");
    }

    @Test
    void the_mail_comes_again_on_request_until_the_signatures_mail_cap_and_then_the_page_says_so() {
        Page page = SignOnForm.sign(app.browser, statement, "Again Network", "BE", "again@example.org");
        mailbox.nth("again@example.org", 1);
        for (int sent = 2; sent <= SignOn.MAX_MAILS; sent++) {
            page = page.form("form[action$=/resend]").submit();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.document().select("[role=status]").text())
                    .isEqualTo("Check your email We have sent the mail again. We have sent a message to again@example.org.");
            assertThat(mailbox.nth("again@example.org", sent).linkTo("/confirm/")).isNotNull();
        }
        Page refused = page.form("form[action$=/resend]").submit();
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("p.notice").text()).startsWith("This mail has been sent several times already");
        app.awaitOutboxSettled();
        assertThat(mailbox.to("again@example.org")).hasSize(SignOn.MAX_MAILS);

        Page confirmed = confirm(mailbox.nth("again@example.org", SignOn.MAX_MAILS));
        assertThat(confirmed.h1()).isEqualTo("Thank you, your signature is confirmed");
    }

    @Test
    void a_mistyped_domain_is_offered_its_fix_and_one_click_moves_the_sign_on_there() {
        Page page = SignOnForm.sign(app.browser, statement, "Typo Network", "BE", "jane@gmial.com");
        ReceivedMail wrong = mailbox.nth("jane@gmial.com", 1);
        assertThat(page.document().select("form.suggestion").text()).contains("Did you mean jane@gmail.com?");

        Page corrected = page.form("form.suggestion").submit();
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.document().select("[role=status]").text()).contains("The address is corrected")
                .contains("We have sent a message to jane@gmail.com.");
        assertThat(corrected.document().select("form.suggestion")).isEmpty();

        ReceivedMail right = mailbox.nth("jane@gmail.com", 1);
        assertThat(right.subject()).isEqualTo("Confirm your signature: Regularisation now");
        assertThat(right.text()).contains("Hello Contact of Typo Network,");
        assertThat(app.browser.get(wrong.linkTo("/confirm/")).status()).as("the mistyped address's link").isEqualTo(404);
        confirm(right);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Typo Network");
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'jane@gmial.com'")).isZero();
    }

    @Test
    void any_address_can_be_typed_instead_and_a_bad_one_is_refused_with_the_input_kept() {
        Page page = SignOnForm.sign(app.browser, statement, "Wrong Network", "BE", "wrong@example.org");
        Page empty = page.form("form[action$=/correct]").submit();
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.document().select(".error-summary a").eachText()).containsExactly("Enter an email address");
        Page invalid = page.form("form[action$=/correct]").set("email", "right.example.org").submit();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.document().selectFirst("input#email").val()).isEqualTo("right.example.org");
        assertThat(invalid.document().select(".error-summary a").eachText())
                .containsExactly("Enter an email address in the correct format, like name@example.org");
        Page variant = page.form("form[action$=/correct]").set("email", "\"wrong\"@example.org").submit();
        assertThat(variant.status()).isEqualTo(400);
        assertThat(variant.document().select(".error-summary a").eachText()).containsExactly(
                "Enter the email address alone, like name@example.org: without a name, comment, quotation marks, brackets or spaces");
        Page same = page.form("form[action$=/correct]").set("email", "Wrong@Example.org").submit();
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text()).contains("This is the address we sent the mail to.");

        Page moved = invalid.form("form[action$=/correct]").set("email", "right@example.org").submit();
        assertThat(moved.status()).isEqualTo(200);
        confirm(mailbox.nth("right@example.org", 1));
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'right@example.org' AND status = 'confirmed'")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'wrong@example.org'")).isZero();
    }

    @Test
    void nobody_but_the_person_who_just_signed_can_move_a_sign_on() {
        Page victims = SignOnForm.sign(app.browser, statement, "Victim Network", "BE", "victim@example.org");
        Page mine = SignOnForm.sign(app.browser, statement, "Other Network", "BE", "other@example.org");

        // another page's handle, or a made-up one, does not fit the victim's address
        Form borrowed = mine.form("form[action$=/correct]").set("signed_as", "victim@example.org").set("email", "thief@example.org");
        assertThat(borrowed.submit().status()).isEqualTo(410);
        Form forged = victims.form("form[action$=/correct]").set("handle", "1.x").set("email", "thief@example.org");
        assertThat(forged.submit().status()).isEqualTo(410);

        // signing with the victim's address later gets a page, but not one that moves the victim's sign-on
        app.clock.advance(Duration.ofMinutes(20));
        Page squatter = SignOnForm.sign(app.browser, statement, "Squatter", "BE", "victim@example.org");
        Page refused = squatter.form("form[action$=/correct]").set("email", "thief@example.org").submit();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.h1()).isEqualTo("This page has expired");

        // the victim's own page works for an hour, then no longer
        app.clock.advance(Duration.ofMinutes(41));
        Page late = victims.form("form[action$=/correct]").set("email", "thief@example.org").submit();
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.text()).contains("The address can no longer be changed from this page.");
        assertThat(late.document().select("main a").attr("href")).isEqualTo(statement + "#sign-on");

        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'thief@example.org'")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'victim@example.org'")).isEqualTo(1);
        // the squatter's data took the unconfirmed sign-on's place (the newest wins); the owner signs again and wins it back
        SignOnForm.sign(app.browser, statement, "Victim Network", "BE", "victim@example.org");
        confirm(mailbox.nth("victim@example.org", 3));
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).contains("Victim Network");
    }

    @Test
    void the_form_sent_back_for_another_reason_hints_at_the_fix_without_blocking() {
        Form form = SignOnForm.filled(app.browser.get(statement), "Hint Network", "BE", "sam@hotmial.com").remove("consent_publish");
        Page back = form.submit();
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.document().select(".error-summary a").eachText()).hasSize(1);
        assertThat(back.document().selectFirst("#email-suggestion").text()).isEqualTo("Did you mean sam@hotmail.com? Use sam@hotmail.com");
        assertThat(back.document().selectFirst("input#email").val()).isEqualTo("sam@hotmial.com");

        // as typed, the address is taken: the hint blocks nothing
        Page asTyped = back.form("form#sign-on").tick("consent_publish").submit();
        assertThat(asTyped.status()).isEqualTo(200);
        assertThat(mailbox.nth("sam@hotmial.com", 1).subject()).startsWith("Confirm your signature");

        // the hint's button resubmits the form with the fixed address
        Page again = SignOnForm.filled(app.browser.get(statement), "Hint Two", "BE", "kim@hotmial.com").remove("consent_publish").submit();
        Page fixed = again.form("form#sign-on").tick("consent_publish").set("use_email", "kim@hotmail.com").submit();
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.document().select("[role=status] strong").text()).isEqualTo("kim@hotmail.com");
        assertThat(mailbox.nth("kim@hotmail.com", 1).subject()).startsWith("Confirm your signature");
    }
}
