package org.undersigned.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

/**
 * The audit log as each coordinator may read it: an admin reads every entry; a coordinator who is
 * not reads those on the petitions assigned to them and those about their own account, with no
 * other coordinator's address or search terms in them.
 */
class AuditReachTest extends AppTest {
    private static final String PASSWORD = "a fine long passphrase 42";
    private static final String ANA = "ana@undersigned.test";
    private static final String BO = "bo@undersigned.test";
    private static final String CAROL = "carol@undersigned.test";

    @Test
    void a_coordinator_reads_only_entries_on_their_petitions_and_their_account_and_an_admin_reads_them_all() {
        app.statement("ours", "Our statement", "Text", "open");
        app.statement("theirs", "Their statement", "Text", "open");
        String onOurs = signed("/statements/ours", "ours@example.org");
        String onTheirs = signed("/statements/theirs", "theirs@example.org");
        Browser admin = app.admin();
        invite(admin, ANA, "", "ours");
        invite(admin, BO, "Bo Berg", "theirs");
        invite(admin, CAROL, "", null);
        Browser ana = accept(ANA);
        Browser bo = accept(BO);
        assertThat(admin.get("/admin/statements/new").form("form.petition-form").set("title", "Secret plan").set("body", "Not yet.")
                .set("status", "draft").submit().status()).isEqualTo(303);
        admin.get("/admin/statements/ours/edit").form("form[action$=/coordinators]:has(select)")
                .set("coordinator_id", String.valueOf(app.count("SELECT id FROM coordinators WHERE email = '" + BO + "'")))
                .set("action", "add").submit();

        reject(bo, "/admin/statements/theirs", onTheirs, "Bo's private note");
        assertThat(bo.get("/admin/statements/theirs/signatures.csv?q=needle").status()).isEqualTo(200);
        assertThat(bo.get("/admin/statements/ours/signatures.csv?q=shared-term").status()).isEqualTo(200);
        reject(admin, "/admin/statements/ours", onOurs, "Seen by Ana");
        ana = app.loggedIn(ANA, PASSWORD);
        assertThat(ana.get("/admin/statements/ours/signatures.csv?q=her-own-term").status()).isEqualTo(200);

        Page hers = ana.get("/admin/audit");
        assertThat(hers.status()).isEqualTo(200);
        assertThat(rows(hers)).containsExactly(
                List.of(ANA, "Exported CSV", "Our statement", "0 rows ?q=her-own-term&sort=newest"),
                List.of(ANA, "Logged in", "", ""),
                List.of("Another coordinator", "Rejected", "Our statement · signature " + onOurs, "Seen by Ana"),
                List.of("Bo Berg", "Exported CSV", "Our statement", ""),
                List.of("Another coordinator", "Assigned a coordinator", "Our statement", ""),
                List.of("Another coordinator", "Invited", ANA, "coordinator"),
                List.of("Another coordinator", "Assigned a coordinator", "Our statement", ANA));
        assertThat(hers.body()).doesNotContain(TestApp.ADMIN_EMAIL, BO, CAROL, "Secret plan", "secret-plan", "Their statement", "/statements/theirs",
                "needle", "shared-term", "private note");

        Page all = admin.get("/admin/audit");
        assertThat(rows(all)).hasSize((int) app.count("SELECT COUNT(*) FROM audit_log"));
        assertThat(all.body()).contains(TestApp.ADMIN_EMAIL, BO, CAROL, "Secret plan", "Their statement", "needle", "shared-term",
                "Bo&#39;s private note", "her-own-term");
        assertThat(rows(all)).contains(List.of(BO, "Exported CSV", "Our statement", "0 rows ?q=shared-term&sort=newest"),
                List.of(TestApp.ADMIN_EMAIL, "Assigned a coordinator", "Our statement", BO));
    }

    @Test
    void an_entry_stays_with_its_petition_when_the_slug_changes_and_another_petition_takes_the_old_one() {
        Browser admin = app.admin();
        assertThat(admin.get("/admin/statements/new").form("form.petition-form").set("title", "Draft name").set("slug", "taken-over")
                .set("body", "Not yet.").set("status", "draft").submit().status()).isEqualTo(303);
        assertThat(admin.get("/admin/statements/taken-over/edit").form("form.petition-form").set("slug", "renamed-draft").submit().status())
                .isEqualTo(303);
        app.statement("taken-over", "Newcomer", "Text", "open");
        invite(admin, ANA, "", "taken-over");
        Browser ana = accept(ANA);

        assertThat(rows(ana.get("/admin/audit"))).containsExactly(
                List.of("Another coordinator", "Invited", ANA, "coordinator"),
                List.of("Another coordinator", "Assigned a coordinator", "Newcomer", ANA));
        Page all = admin.get("/admin/audit");
        assertThat(rows(all)).contains(List.of(TestApp.ADMIN_EMAIL, "Created", "Draft name", "draft"));
        assertThat(all.document().select(".audit-table a:contains(Draft name)").first().attr("href")).isEqualTo("/admin/statements/renamed-draft");
    }

    /** Each row's cells after the time. */
    private static List<List<String>> rows(Page page) {
        return page.document().select(".audit-table tbody tr").stream()
                .map(tr -> tr.select("td").stream().skip(1).map(Element::text).toList()).toList();
    }

    /** Signs and confirms; returns the signature's id. */
    private String signed(String path, String email) {
        assertThat(SignOnForm.sign(app.browser, path, "Org of " + email, "BE", email).status()).isEqualTo(200);
        assertThat(confirm(mailbox.nth(email, 1)).status()).isEqualTo(200);
        return String.valueOf(app.count("SELECT id FROM signatures WHERE email = '" + email + "'"));
    }

    private void invite(Browser admin, String email, String name, String slug) {
        Page coordinators = admin.get("/admin/coordinators");
        var form = coordinators.form("form[action=/admin/coordinators]").set("email", email).set("name", name).set("role", "coordinator");
        if (slug != null) form.set("petitions", String.valueOf(app.count("SELECT id FROM petitions WHERE slug = '" + slug + "'")));
        assertThat(form.submit().status()).isEqualTo(200);
    }

    private Browser accept(String email) {
        String link = mailbox.nth(email, 1).linkTo("/admin/invitations/");
        Browser browser = new Browser(app.url(""), true);
        assertThat(browser.get(link).form("form").set("password", PASSWORD).set("password_again", PASSWORD).submit().status()).isEqualTo(303);
        return browser;
    }

    private static void reject(Browser coordinator, String petition, String id, String note) {
        var form = coordinator.get(petition).form("form#moderation").set("ids", id).set("decision", "reject").set("note", note);
        assertThat(form.submit().form("form[action$=/moderation]").submit().status()).isEqualTo(303);
    }
}
