package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Multipart;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/** An admin uploads the network's members; a statement's coordinators see how many signed and remind the others once. */
class MemberRosterTest extends AppTest {
    private static final String ROSTER = """
            name;country;website;contact email
            Rivers Alliance;FR;https://www.rivers-alliance.eu/about;info@rivers-alliance.eu
            Forest Watch;BE;forestwatch.be;
            Sea Union;ES;;contact@seaunion.es
            """;

    private static Page upload(Browser admin, String csv) {
        Page form = admin.get("/admin/members");
        return Multipart.of(form.form("form[action=/admin/members]")).file("file", "members.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .post(admin, "/admin/members");
    }

    private void sign(String organisation, String website, String email) {
        SignOnForm.filled(app.browser.get("/statements/roster"), organisation, "FR", email).set("website", website).submit();
        confirm(mailbox.nth(email, 1));
    }

    private static java.util.List<String> names(Page list) {
        return list.document().select("th[scope=row] > a[href*=/signatures/]").eachText();
    }

    private static String count(Browser admin) {
        return admin.get("/admin/statements/roster").document().select("#members .members-count").text();
    }

    /** Who got a reminder: every mail the relay had sent by the time the one to the unsigned member arrived. */
    private java.util.List<String> reminders() {
        return mailbox.all().stream().filter(m -> m.subject().startsWith("Your network asks you to sign")).map(ReceivedMail::to).toList();
    }

    @Test
    void members_are_matched_by_mail_or_website_domain_counted_after_withdrawals_and_reminded_once() {
        app.statement("roster");
        Browser admin = app.admin();
        Page saved = upload(admin, ROSTER);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.follow(saved).text()).contains("The roster now has 3 members.", "Rivers Alliance", "contact@seaunion.es");

        sign("Rivers Alliance France", "", "someone@rivers-alliance.eu");
        sign("Forest Watch Belgium", "https://forestwatch.be", "forestwatch@gmail.com");
        sign("Not A Member", "https://elsewhere.org", "hello@elsewhere.org");
        assertThat(count(admin)).isEqualTo("2 of 3 members signed");
        assertThat(app.browser.get("/statements/roster").document().select("#member-tally")).as("not public unless chosen").isEmpty();
        Page chosen = admin.get("/admin/statements/roster").form("form[action$=/members/public]").tick("members_public").submit();
        assertThat(chosen.status()).isEqualTo(303);
        assertThat(app.browser.get("/statements/roster").document().select("#member-tally").text()).isEqualTo("2 of 3 members signed");
        Page list = admin.get("/admin/statements/roster");
        assertThat(list.document().selectFirst("#sel-" + id("Rivers Alliance France")).closest("tr").select(".member-flag").text()).isEqualTo("member");
        assertThat(list.document().selectFirst("#sel-" + id("Not A Member")).closest("tr").select(".member-flag")).isEmpty();

        assertThat(names(admin.get("/admin/statements/roster?domain=matches"))).containsExactly("Not A Member");
        Page differs = admin.get("/admin/statements/roster?domain=differs");
        assertThat(names(differs)).containsExactly("Forest Watch Belgium");
        assertThat(differs.document().select("#filter-domain option[selected]").val()).isEqualTo("differs");
        assertThat(list.document().selectFirst("#sel-" + id("Forest Watch Belgium")).closest("tr").select(".domain-differs").text())
                .isEqualTo("email not at the website's domain");
        assertThat(admin.get("/admin/statements/roster/signatures/" + id("Not A Member")).document().select("dd.domain-matches").text())
                .isEqualTo("email at the website's domain");

        String managePath = URI.create(mailbox.nth("forestwatch@gmail.com", 2).linkTo("/manage/")).getPath();
        assertThat(app.browser.get(managePath).form("form[action*=/withdraw]").submit().status()).isEqualTo(200);
        assertThat(count(admin)).as("a withdrawn member no longer counts").isEqualTo("1 of 3 members signed");
        assertThat(app.browser.get("/statements/roster").document().select("#member-tally").text())
                .as("the cached public page follows").isEqualTo("1 of 3 members signed");

        Page reminded = admin.get("/admin/statements/roster").form("form[action$=/members/remind]").submit();
        assertThat(reminded.status()).isEqualTo(303);
        assertThat(admin.follow(reminded).text()).contains("Reminder queued for 1 members.");
        ReceivedMail reminder = mailbox.nth("contact@seaunion.es", 1);
        assertThat(reminder.subject()).isEqualTo("Your network asks you to sign: " + app.db().withHandle(h ->
                h.createQuery("SELECT title FROM petitions WHERE slug = 'roster'").mapTo(String.class).one()));
        assertThat(reminders()).as("not the signed member, not the one without an address").containsExactly("contact@seaunion.es");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'members_remind' AND detail = '1'")).isEqualTo(1);

        String csrf = admin.get("/admin/statements/roster").document().selectFirst("input[name=csrf]").val();
        Page again = admin.post("/admin/statements/roster/members/remind", java.util.Map.of("csrf", java.util.List.of(csrf)));
        assertThat(again.status()).isEqualTo(303);
        assertThat(admin.follow(again).text()).contains("The reminder was already sent on");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'members_remind'")).isEqualTo(1);
        assertThat(reminders()).containsExactly("contact@seaunion.es");

        String optOut = reminder.linkTo("/members/opt-out/");
        Page asked = app.browser.get(optOut);
        assertThat(asked.status()).isEqualTo(200);
        Page done = asked.form("form[action^=/members/opt-out/]").submit();
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.h1()).isEqualTo("You will get no more reminders");
        assertThat(app.count("SELECT COUNT(*) FROM members WHERE email = 'contact@seaunion.es' AND opted_out_at IS NOT NULL")).isEqualTo(1);
        assertThat(app.browser.post("/members/opt-out/not-a-token", java.util.Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_file_with_a_bad_row_says_which_and_keeps_the_roster() {
        Browser admin = app.admin();
        upload(admin, ROSTER);
        Page refused = upload(admin, "name,country,website,email\nGood Org,FR,good.org,a@good.org\n,FR,,\nBad Mail,FR,,not-an-address\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#error-summary li").eachText())
                .containsExactly("Line 3: the name is missing.", "Line 4: the contact email is not an email address.");
        assertThat(app.count("SELECT COUNT(*) FROM members")).isEqualTo(3);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'members_upload'")).isEqualTo(1);
    }
}
