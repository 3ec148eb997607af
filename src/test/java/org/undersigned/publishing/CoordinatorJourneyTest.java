package org.undersigned.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** What a coordinator sees around their petitions: embargo and preview, saving, the audit log, translations, a first login. */
class CoordinatorJourneyTest extends AppTest {

    @Test
    void an_embargoed_petition_says_when_it_opens_and_only_its_coordinators_can_preview_it() {
        app.statement("launch", "Launch statement", "We *will* say it.", "open");
        long opensAt = app.clock.millis() + Duration.ofDays(3).toMillis();
        app.db().useHandle(h -> h.execute("UPDATE petitions SET opens_at = ? WHERE slug = 'launch'", opensAt));
        app.statement("other", "Another statement", "Text", "open");
        long other = app.coordinator("other@undersigned.test", "other coordinator passphrase");
        app.assign("other", other);
        Browser admin = app.admin();

        String when = DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(java.util.Locale.ENGLISH).format(Instant.ofEpochMilli(opensAt).atZone(ZoneOffset.UTC));
        Page dashboard = admin.get("/admin");
        String row = dashboard.document().select("table.admin-table tbody tr:has(a:contains(Launch statement))").text();
        assertThat(row).contains("Opens on " + when).doesNotContain("Open ");
        Page list = admin.get("/admin/statements/launch");
        assertThat(list.document().select(".kicker").text()).contains("Opens on " + when);
        assertThat(admin.get("/admin/statements/launch/edit").document().select(".kicker").text()).contains("Opens on " + when);

        Page preview = admin.get(list.document().selectFirst("a:contains(Preview the public page)").attr("href"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.h1()).isEqualTo("Launch statement");
        assertThat(preview.document().select(".prose em").text()).isEqualTo("will");
        assertThat(preview.document().select(".preview-notice").text()).contains("opens to the public on " + when);
        assertThat(preview.header("Cache-Control")).isEqualTo("no-store");

        Page alreadyOut = admin.get("/admin/statements/other/preview");
        assertThat(alreadyOut.status()).as("an open petition has nothing to preview").isEqualTo(303);
        assertThat(alreadyOut.header("Location")).isEqualTo("/statements/other");
        assertThat(app.browser.get("/statements/launch").status()).as("the public: as before").isEqualTo(404);
        assertThat(app.browser.get("/admin/statements/launch/preview").status()).as("no session: the login page").isEqualTo(303);
        assertThat(app.loggedIn("other@undersigned.test", "other coordinator passphrase").get("/admin/statements/launch/preview").status())
                .as("a coordinator of other petitions").isEqualTo(404);
    }

    @Test
    void saving_says_saved_and_the_audit_log_names_petitions_by_title() {
        app.statement("named", "A statement with a name", "Text", "open");
        SignOnForm.sign(app.browser, "/statements/named", "Org", "BE", "org@example.org");
        confirm(mailbox.nth("org@example.org", 1));
        Browser admin = app.admin();
        Page saved = admin.follow(admin.get("/admin/statements/named/edit").form("form.petition-form").set("summary", "Short.").submit());
        assertThat(saved.document().select("p[role=status].notice").text()).isEqualTo("Saved.");
        Page again = admin.get("/admin/statements/named");
        assertThat(again.document().select("p[role=status].notice")).as("only right after saving").isEmpty();

        String id = String.valueOf(app.count("SELECT id FROM signatures"));
        admin.get("/admin/statements/named").form("form#moderation").set("ids", id).set("decision", "reject").submit()
                .form("form[action$=/moderation]").submit();
        Page audit = admin.get("/admin/audit");
        assertThat(audit.text()).doesNotContain("/statements/named");
        assertThat(audit.document().select(".audit-table a").eachText()).contains("A statement with a name", "signature " + id);
        assertThat(audit.document().select(".audit-table a:contains(A statement with a name)").first().attr("href"))
                .isEqualTo("/admin/statements/named");
    }

    @Test
    void a_new_translation_is_offered_in_a_language_the_petition_lacks_not_the_first_of_the_alphabet() {
        app.statement("versions", "Versions", "Text", "open");
        app.db().useHandle(h -> h.execute("""
                INSERT INTO petition_translations (petition_id, lang, title, summary, body, updated_at)
                SELECT id, 'fr', 'Versions FR', '', 'Texte', 0 FROM petitions WHERE slug = 'versions'"""));
        Page edit = app.admin().get("/admin/statements/versions/edit");
        var options = edit.document().select("select[name=language] option");
        assertThat(options.first().val()).as("the first offered, and so chosen").isEqualTo("es");
        assertThat(options.eachAttr("value")).doesNotContain("en", "fr").contains("ab", "de");
    }

    @Test
    void an_invited_coordinator_sees_what_an_admin_assigned_or_is_told_who_assigns() {
        app.statement("given", "Given statement", "Text", "open");
        app.statement("kept", "Kept statement", "Text", "open");
        Browser admin = app.admin();
        Page coordinators = admin.get("/admin/coordinators");
        String given = coordinators.document().selectFirst("label:contains(Given statement)").attr("for").replace("petition-", "");
        coordinators.form("form[action=/admin/coordinators]").set("email", "new@undersigned.test").set("role", "coordinator")
                .set("petitions", given).submit();
        coordinators.form("form[action=/admin/coordinators]").set("email", "idle@undersigned.test").set("role", "coordinator").submit();

        Browser newcomer = accept("new@undersigned.test");
        assertThat(newcomer.get("/admin").document().select("table.admin-table tbody a").eachText()).containsExactly("Given statement");
        Browser idle = accept("idle@undersigned.test");
        Page empty = idle.get("/admin");
        assertThat(empty.text()).contains("Nothing is assigned to you yet; an admin assigns statements and campaigns.")
                .doesNotContain("Create a statement");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'assign'")).isEqualTo(1);
    }

    /** Opens the invitation mail's link and chooses a password, as the invited person would. */
    private Browser accept(String email) {
        String link = mailbox.nth(email, 1).linkTo("/admin/invitations/");
        Browser browser = new Browser(app.url(""), true);
        Page chosen = browser.get(link).form("form").set("password", "a fine long passphrase 42")
                .set("password_again", "a fine long passphrase 42").submit();
        assertThat(chosen.status()).isEqualTo(303);
        return browser;
    }
}
