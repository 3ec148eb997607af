package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;

/** Where sign-ons are reviewed, every step tells the signer so; where they are not, the words stay as they were. */
class ApprovalJourneyTest extends AppTest {

    @Test
    void an_organisation_on_a_reviewed_statement_is_told_at_each_step_that_the_coordinators_review_it() {
        reviewedStatement("vetted");
        Page form = app.browser.get("/statements/vetted");
        assertThat(form.document().selectFirst(".sign-on > p").text())
                .contains("once you have confirmed by email and the statement's coordinators have reviewed the sign-on")
                .doesNotContain("appear on the public list once you confirm");

        SignOnForm.sign(app.browser, "/statements/vetted", "Harbour Legal Aid", "BE", "harbour@example.org");
        ReceivedMail confirmation = mailbox.nth("harbour@example.org", 1);
        Page confirmed = confirm(confirmation);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.h1()).isEqualTo("Confirmed, now awaiting review");
        assertThat(confirmed.document().title()).isEqualTo("Confirmed, now awaiting review – undersigned");
        assertThat(confirmed.text()).contains("your organisation is not listed yet", "What happens next", "We will email you once the coordinators have decided")
                .doesNotContain("confirmed and counted", "See the list of signatories");
        assertThat(confirmed.document().select("a[href$='#signatories']")).isEmpty();
        assertThat(confirmed.document().select("a[href='/statements/vetted']").text()).contains("Back to the statement");

        ReceivedMail thanks = mailbox.nth("harbour@example.org", 2);
        assertThat(thanks.text()).contains("is confirmed", "review each sign-on before it appears on the public list", "not listed yet");
        String manage = thanks.linkTo("/manage/");
        assertThat(status(manage)).isEqualTo("Status: Awaiting review");

        decide("vetted", "Harbour Legal Aid", "approve");
        assertThat(status(manage)).isEqualTo("Status: Listed");
        Page again = app.browser.get(confirmation.linkTo("/confirm/"));
        assertThat(again.h1()).isEqualTo("This signature is already confirmed");
        assertThat(again.text()).contains("is confirmed and counted");
        assertThat(again.document().select("a[href$='#signatories']").text()).isEqualTo("See the list of signatories");
        assertThat(app.browser.get("/statements/vetted").document().select("#signatories li").eachText()).containsExactly("Harbour Legal Aid");
    }

    @Test
    void a_rejected_sign_on_reads_not_accepted_on_the_signers_own_page() {
        reviewedStatement("strict");
        SignOnForm.sign(app.browser, "/statements/strict", "Doubtful Org", "FR", "doubt@example.org");
        confirm(mailbox.nth("doubt@example.org", 1));
        String manage = mailbox.nth("doubt@example.org", 2).linkTo("/manage/");

        decide("strict", "Doubtful Org", "reject");

        Page page = app.browser.get(manage);
        assertThat(status(manage)).isEqualTo("Status: Not accepted");
        assertThat(page.text()).contains("did not accept this sign-on: it is not listed and does not count");
        Page link = app.browser.get(mailbox.nth("doubt@example.org", 1).linkTo("/confirm/"));
        assertThat(link.text()).contains("did not accept this sign-on").doesNotContain("counted", "Ask others to sign");
    }

    @Test
    void without_approval_confirming_lists_the_organisation_and_says_so() {
        app.statement("open-list", "Open list", "Text", "open");
        assertThat(app.browser.get("/statements/open-list").document().selectFirst(".sign-on > p").text())
                .startsWith("Your organisation's name, country and website will appear on the public list once you confirm by email.");
        SignOnForm.sign(app.browser, "/statements/open-list", "Plain Org", "BE", "plain@example.org");
        Page confirmed = confirm(mailbox.nth("plain@example.org", 1));
        assertThat(confirmed.h1()).isEqualTo("Thank you, your signature is confirmed");
        assertThat(confirmed.text()).contains("is confirmed and counted").doesNotContain("review");
        assertThat(confirmed.document().select("a[href='/statements/open-list#signatories']").text()).isEqualTo("See the list of signatories");
        ReceivedMail thanks = mailbox.nth("plain@example.org", 2);
        assertThat(thanks.text()).doesNotContain("review");
        assertThat(status(thanks.linkTo("/manage/"))).isEqualTo("Status: Listed");
    }

    @Test
    void a_supporter_of_a_reviewed_campaign_is_told_it_counts_once_reviewed() {
        app.campaign("checked", "Checked campaign", 100);
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'checked'"));
        assertThat(app.browser.get("/campaigns/checked").text()).contains("The campaign's organisers review each signature before it is counted.");

        SupporterForm.sign(app.browser, "/campaigns/checked", "Rosa", "ES", "rosa@example.org");
        Page confirmed = confirm(mailbox.nth("rosa@example.org", 1));
        assertThat(confirmed.h1()).isEqualTo("Confirmed, now awaiting review");
        assertThat(confirmed.text()).contains("it does not count yet").doesNotContain("counted.", "list of signatories");
        ReceivedMail thanks = mailbox.nth("rosa@example.org", 2);
        assertThat(thanks.text()).contains("review each signature before it is counted");
        assertThat(status(thanks.linkTo("/manage/"))).isEqualTo("Status: Awaiting review");
        assertThat(app.browser.get("/api/v1/campaigns/checked").body()).contains("\"signatureCount\":0");
    }

    @Test
    void a_signature_not_yet_confirmed_reads_awaiting_confirmation() {
        app.statement("slow", "Slow", "Text", "open");
        SignOnForm.sign(app.browser, "/statements/slow", "Slow Org", "BE", "slow@example.org");
        confirm(mailbox.nth("slow@example.org", 1));
        String manage = mailbox.nth("slow@example.org", 2).linkTo("/manage/");
        // the link of a signature made pending again is not a case a signer meets; a pending one with a manage link is
        app.db().useHandle(h -> h.execute("UPDATE signatures SET status = 'pending', confirmed_at = NULL"));
        assertThat(status(manage)).isEqualTo("Status: Awaiting confirmation");
    }

    private void reviewedStatement(String slug) {
        app.statement(slug, "Statement " + slug, "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = ?", slug));
    }

    /** The status line of the signer's own page, as read. */
    private String status(String manageLink) {
        Page page = app.browser.get(manageLink);
        assertThat(page.status()).isEqualTo(200);
        return page.document().selectFirst(".standing p").text();
    }

    /** A coordinator approves or rejects the organisation's sign-on from the petition's list. */
    private void decide(String slug, String organisation, String decision) {
        Browser admin = app.admin();
        String id = app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures WHERE organisation = ?")
                .bind(0, organisation).mapTo(String.class).one());
        Page done = admin.get("/admin/statements/" + slug).form("form#moderation").set("ids", id).set("decision", decision).submit();
        if (decision.equals("reject")) done = done.form("form[action$=/moderation]").submit(); // rejecting asks once
        assertThat(done.status()).isEqualTo(303);
    }
}
