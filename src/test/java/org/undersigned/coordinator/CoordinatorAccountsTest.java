package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

class CoordinatorAccountsTest extends AppTest {
    private static final String PASSWORD = "a coordinator passphrase 2026";

    @Test
    void removing_a_coordinator_ends_their_live_session_and_their_audit_entries_stay_under_their_name() {
        long id = app.coordinator("leaving@undersigned.test", PASSWORD);
        app.db().useHandle(h -> h.execute("UPDATE coordinators SET name = 'Lea Ving' WHERE id = ?", id));
        Browser leaving = app.loggedIn("leaving@undersigned.test", PASSWORD);
        assertThat(leaving.get("/admin").status()).isEqualTo(200);

        Browser admin = app.admin();
        assertThat(admin.get("/admin/coordinators").document().select("a[href=/admin/coordinators/" + id + "/remove]")).hasSize(1);
        Page confirm = admin.get("/admin/coordinators/" + id + "/remove");
        assertThat(confirm.text()).contains("Remove Lea Ving?");
        Page removed = confirm.form("form[action=/admin/coordinators/" + id + "/remove]").submit();
        assertThat(removed.status()).isEqualTo(303);
        assertThat(admin.follow(removed).text()).contains("The coordinator has been removed and signed out.").doesNotContain("leaving@undersigned.test");

        Page next = leaving.get("/admin");
        assertThat(next.status()).as("their very next request").isEqualTo(303);
        assertThat(next.header("Location")).startsWith("/admin/login");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE actor = 'leaving@undersigned.test' AND action = 'login' AND actor_name = 'Lea Ving'"))
                .isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'remove_coordinator' AND target = 'leaving@undersigned.test'")).isEqualTo(1);
        assertThat(new Browser(app.config.web().baseUrl(), true).get("/admin/login").form("form[action=/admin/login]")
                .set("email", "leaving@undersigned.test").set("password", PASSWORD).submit().status()).isEqualTo(400);
    }

    @Test
    void an_admin_changes_a_role_but_the_last_admin_can_neither_step_down_nor_remove_themselves() {
        long adminId = app.db().withHandle(h -> h.createQuery("SELECT id FROM coordinators WHERE email = :e")
                .bind("e", TestApp.ADMIN_EMAIL).mapTo(Long.class).one());
        Browser admin = app.admin();
        Page demoted = admin.get("/admin/coordinators").form("form[action=/admin/coordinators/" + adminId + "/role]")
                .set("role", "coordinator").submit();
        assertThat(demoted.status()).isEqualTo(400);
        assertThat(demoted.text()).contains("This is the last admin: make another coordinator an admin first");
        Page removed = admin.get("/admin/coordinators/" + adminId + "/remove").form("form[action$=/remove]").submit();
        assertThat(removed.status()).isEqualTo(400);
        assertThat(removed.text()).contains("This is the last admin");
        assertThat(app.count("SELECT COUNT(*) FROM coordinators WHERE role = 'admin'")).isEqualTo(1);

        long other = app.coordinator("promoted@undersigned.test", PASSWORD);
        Browser promoted = app.loggedIn("promoted@undersigned.test", PASSWORD);
        assertThat(promoted.get("/admin/coordinators").status()).isEqualTo(403);
        Page changed = admin.get("/admin/coordinators").form("form[action=/admin/coordinators/" + other + "/role]").set("role", "admin").submit();
        assertThat(changed.status()).isEqualTo(303);
        assertThat(promoted.get("/admin/coordinators").status()).as("the new role applies at once").isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'change_role' AND target = 'promoted@undersigned.test' AND detail = 'admin'"))
                .isEqualTo(1);
        Page stepDown = admin.get("/admin/coordinators").form("form[action=/admin/coordinators/" + adminId + "/role]").set("role", "coordinator").submit();
        assertThat(stepDown.status()).as("with another admin, one may step down").isEqualTo(303);
    }

    @Test
    void a_withdrawn_invitation_link_is_refused_clearly_and_one_sent_again_works() {
        app.statement("assigned", "Assigned statement", "Text", "open");
        long petition = app.count("SELECT id FROM petitions WHERE slug = 'assigned'");
        Browser admin = app.admin();
        admin.get("/admin/coordinators").form("form[action=/admin/coordinators]")
                .set("email", "invited@undersigned.test").set("role", "coordinator").set("language", "es")
                .set("petitions", String.valueOf(petition)).submit();
        ReceivedMail first = mailbox.nth("invited@undersigned.test", 1);
        assertThat(first.subject()).as("in the language chosen for them").isEqualTo("Le invitan a coordinar en undersigned");
        long id = app.count("SELECT id FROM coordinators WHERE email = 'invited@undersigned.test'");
        Page list = admin.get("/admin/coordinators");
        assertThat(list.document().select("#pending-title + ul li").text()).contains("invited@undersigned.test", "the link works until");

        Page revoked = list.form("form[action=/admin/coordinators/" + id + "/invitation/revoke]").submit();
        assertThat(admin.follow(revoked).text()).contains("The invitation has been withdrawn");
        Page refused = new Browser(app.config.web().baseUrl(), true).get(first.linkTo("/admin/invitations/"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).contains("An admin has withdrawn this invitation.");

        admin.get("/admin/coordinators").form("form[action=/admin/coordinators/" + id + "/invitation/resend]").submit();
        String again = mailbox.nth("invited@undersigned.test", 2).linkTo("/admin/invitations/");
        Browser invited = new Browser(app.config.web().baseUrl(), true);
        Page in = invited.get(again).form("form").set("password", PASSWORD).set("password_again", PASSWORD).submit();
        assertThat(in.status()).isEqualTo(303);
        assertThat(invited.get("/admin").document().select("table.admin-table a").eachText())
                .as("the petitions ticked while inviting are theirs").containsExactly("Assigned statement");
        assertThat(admin.get("/admin/coordinators").text()).contains("No invitation is waiting for an answer.");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('invite', 'invite_revoke', 'invite_again', 'assign')")).isEqualTo(4);
    }

    @Test
    void changing_the_password_needs_the_current_one_and_ends_the_other_sessions() {
        app.coordinator("changer@undersigned.test", PASSWORD);
        Browser here = app.loggedIn("changer@undersigned.test", PASSWORD);
        Browser elsewhere = app.loggedIn("changer@undersigned.test", PASSWORD);
        String fresh = "another quite long passphrase";
        Page wrong = here.get("/admin/account").form("form[action=/admin/account/password]")
                .set("current_password", "not my password at all").set("password", fresh).set("password_again", fresh).submit();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("The current password is not right");
        Page weak = here.get("/admin/account").form("form[action=/admin/account/password]")
                .set("current_password", PASSWORD).set("password", "short").set("password_again", "short").submit();
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text()).contains("at least 12 characters");

        Page changed = here.get("/admin/account").form("form[action=/admin/account/password]")
                .set("current_password", PASSWORD).set("password", fresh).set("password_again", fresh).submit();
        assertThat(changed.status()).isEqualTo(303);
        assertThat(here.follow(changed).text()).contains("Your password has been changed.");
        assertThat(elsewhere.get("/admin").status()).as("the other session is over").isEqualTo(303);
        assertThat(here.get("/admin").status()).isEqualTo(200);
        app.loggedIn("changer@undersigned.test", fresh);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'change_password'")).isEqualTo(1);
    }

    @Test
    void a_coordinator_who_chose_french_gets_the_daily_digest_in_french() {
        app.statement("daily", "Daily statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET digest = TRUE WHERE slug = 'daily'"));
        long id = app.coordinator("francoise@undersigned.test", PASSWORD);
        app.assign("daily", id);
        Browser francoise = app.loggedIn("francoise@undersigned.test", PASSWORD);
        Page saved = francoise.get("/admin/account").form("form[action=/admin/account/language]").set("language", "fr").submit();
        assertThat(saved.status()).isEqualTo(303);
        SignOnForm.sign(app.browser, "/statements/daily", "Alpha Org", "BE", "alpha@example.org");
        confirm(mailbox.nth("alpha@example.org", 1));

        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        ReceivedMail digest = mailbox.nth("francoise@undersigned.test", 1);
        assertThat(digest.subject()).isEqualTo("Résumé quotidien\u202f: Daily statement");
        assertThat(digest.text()).contains("Nouvelles signatures confirmées", "Alpha Org");
    }
}
