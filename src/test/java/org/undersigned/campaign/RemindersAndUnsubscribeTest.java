package org.undersigned.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SupporterForm;
import org.undersigned.support.Wait;

class RemindersAndUnsubscribeTest extends AppTest {
    String campaign;

    @BeforeEach
    void start() {
        campaign = app.campaign("remind", "Reminder campaign", 100);
    }

    @Test
    void a_pending_supporter_gets_one_reminder_after_two_days_whose_link_confirms() {
        SupporterForm.sign(app.browser, campaign, "Slow", "BE", "slow@example.org");
        mailbox.nth("slow@example.org", 1);
        app.awaitChores();
        assertThat(mailbox.to("slow@example.org")).as("no reminder before two days").hasSize(1);

        app.clock.advance(Duration.ofDays(2).plusMinutes(1));
        ReceivedMail reminder = mailbox.nth("slow@example.org", 2);
        assertThat(reminder.subject()).startsWith("Reminder: confirm your signature");

        app.clock.advance(Duration.ofDays(3));
        app.awaitChores();
        assertThat(mailbox.to("slow@example.org")).as("only one reminder").hasSize(2);

        confirm(reminder);
        assertThat(app.browser.get(campaign).document().selectFirst("#counter").text()).contains("1 person has signed");
    }

    @Test
    void confirmed_supporters_get_no_reminder_and_unconfirmed_ones_are_purged() {
        SupporterForm.sign(app.browser, campaign, "Quick", "BE", "quick@example.org");
        SupporterForm.sign(app.browser, campaign, "Never", "BE", "never@example.org");
        confirm(mailbox.nth("quick@example.org", 1));

        app.clock.advance(Duration.ofDays(2).plusMinutes(1));
        mailbox.nth("never@example.org", 2);
        app.awaitChores();
        assertThat(mailbox.to("quick@example.org")).as("confirmation and thank-you only").hasSize(2);

        app.clock.advance(Duration.ofDays(59));
        Wait.until("the unconfirmed signature purged", () -> app.count("SELECT COUNT(*) FROM signatures WHERE status = 'pending'") == 0);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE status = 'pending'")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE status = 'confirmed'")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM signature_tokens t LEFT JOIN signatures s ON s.id = t.signature_id WHERE s.id IS NULL")).isZero();

        // the mail log forgets their addresses too, a month after the mails went out
        String logged = "SELECT COUNT(*) FROM outbox WHERE recipient IN ('quick@example.org', 'never@example.org')";
        Wait.until("the mail log to forget them", () -> app.count(logged) == 0);
    }

    @Test
    void supporters_personal_data_goes_months_after_the_campaign_closes_and_the_counts_stay() {
        SupporterForm.sign(app.browser, campaign, "Private", "DE", "private@example.org");
        confirm(mailbox.nth("private@example.org", 1));
        app.db().useHandle(h -> h.execute("UPDATE petitions SET status = 'closed', closed_at = ? WHERE slug = 'remind'", app.clock.millis()));
        app.clock.advance(Duration.ofDays(179));
        app.awaitChores();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE email = 'private@example.org'")).as("not yet").isEqualTo(1);

        app.clock.advance(Duration.ofDays(2));
        Wait.until("the supporter anonymised", () -> app.count("SELECT COUNT(*) FROM signatures WHERE anonymised_at IS NOT NULL") == 1);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE first_name IS NULL AND last_name IS NULL AND email = '' AND comment IS NULL")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM signature_tokens")).isZero();
        assertThat(app.browser.get(campaign).document().selectFirst("#counter").text()).contains("1 person has signed");
        assertThat(app.browser.get("/api/v1/campaigns/remind").body()).contains("\"signatureCount\":1", "\"DE\":1");
    }

    @Test
    void a_supporter_who_opted_in_leaves_with_one_click_as_a_mail_client_sends_it() {
        SupporterForm.filled(app.browser.get(campaign), "Reader", "DE", "reader@example.org").tick("updates").submit();
        confirm(mailbox.nth("reader@example.org", 1));
        ReceivedMail thanks = mailbox.nth("reader@example.org", 2);

        String header = thanks.header("List-Unsubscribe");
        assertThat(header).matches("<http://localhost:\\d+/unsubscribe/[A-Za-z0-9_-]+>");
        assertThat(thanks.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String url = header.substring(1, header.length() - 1);
        assertThat(thanks.linksTo("/unsubscribe/")).as("a visible link too, in the mail's language").containsExactly(url + "?lang=en");

        Page oneClick = app.browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(oneClick.header("Location")).isNull();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE updates")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE unsubscribed_at IS NOT NULL")).isEqualTo(1);
        assertThat(app.browser.get(campaign).document().selectFirst("#counter").text()).as("the signature stays").contains("1 person has signed");

        Page again = app.browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(app.browser.get(url).h1()).isEqualTo("You will receive no more updates");
    }

    @Test
    void without_the_opt_in_no_mail_carries_unsubscribe_headers() {
        SupporterForm.sign(app.browser, campaign, "Quiet", "DE", "quiet@example.org");
        confirm(mailbox.nth("quiet@example.org", 1));
        ReceivedMail thanks = mailbox.nth("quiet@example.org", 2);
        assertThat(thanks.header("List-Unsubscribe")).isNull();
        assertThat(thanks.linksTo("/unsubscribe/")).isEmpty();
    }
}
