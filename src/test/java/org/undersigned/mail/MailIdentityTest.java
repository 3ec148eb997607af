package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.Config;
import org.undersigned.support.Browser;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

/** Who a mail comes from, where a reply goes, and a subject and links a phone can show. */
class MailIdentityTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    TestApp app;
    Mailbox mailbox;

    @BeforeEach
    void start() {
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN))
                .toBuilder().mailFrom("petitions@network.example.org").mailFromName("Migrant Rights Network").build();
        app = TestApp.start(config);
        mailbox = new Mailbox(greenMail);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void mails_come_from_the_network_by_name_and_replies_go_to_the_petition_s_coordinators() {
        app.statement("contact", "Contact statement", "Text", "open");
        Browser admin = app.admin();
        Page refused = admin.get("/admin/statements/contact/edit").form("form.petition-form").set("reply_to", "not an address").submit();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary a").eachAttr("href")).containsExactly("#reply_to");
        admin.get("/admin/statements/contact/edit").form("form.petition-form").set("reply_to", "team@network.example.org").submit();
        assertThat(admin.get("/admin/statements/contact/edit").document().selectFirst("#reply_to").val()).isEqualTo("team@network.example.org");

        SignOnForm.sign(app.browser, "/statements/contact", "Signing Org", "BE", "signer@example.org");
        ReceivedMail confirm = mailbox.nth("signer@example.org", 1);
        assertThat(confirm.header("From")).isEqualTo("Migrant Rights Network <petitions@network.example.org>");
        assertThat(confirm.header("Reply-To")).isEqualTo("team@network.example.org");
        assertThat(confirm.text()).contains("This petition is run by Migrant Rights Network.").doesNotContain("form of undersigned");
        assertThat(confirm.html()).contains("overflow-wrap:anywhere");

        app.browser.get(confirm.linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
        ReceivedMail thanks = mailbox.nth("signer@example.org", 2);
        assertThat(thanks.header("Reply-To")).as("the mail after confirming, too").isEqualTo("team@network.example.org");
    }

    @Test
    void a_long_title_is_shortened_in_the_subject_with_an_ellipsis() {
        String title = "End the detention of children in migration across every member state of the European Union, now and for good";
        app.statement("long", title, "Text", "open");
        SignOnForm.sign(app.browser, "/statements/long", "Org", "BE", "org@example.org");
        ReceivedMail mail = mailbox.nth("org@example.org", 1);
        assertThat(mail.subject()).startsWith("Confirm your signature: End the detention of children").endsWith("…");
        assertThat(mail.subject().codePointCount(0, mail.subject().length())).isLessThan(80);
        assertThat(mail.subject()).doesNotEndWith(" …");
        assertThat(mail.text()).as("the body keeps the whole title").contains(title);
    }

    @Test
    void the_reminder_names_the_organisation_being_signed_for() {
        app.statement("remind", "Remind statement", "Text", "open");
        SignOnForm.sign(app.browser, "/statements/remind", "Bread and Roses Collective", "BE", "contact@example.org");
        mailbox.nth("contact@example.org", 1);
        app.clock.advance(Duration.ofHours(49));
        app.awaitChores();
        ReceivedMail reminder = mailbox.nth("contact@example.org", 2);
        assertThat(reminder.text()).contains("This confirms the signature of Bread and Roses Collective.");
    }
}
