package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/** A coordinator's moderation as they see it: why each row is where it is, only the buttons that apply, and what each does. */
class ModerationJourneyTest extends AppTest {

    @Test
    void each_row_says_why_it_is_there_and_only_applicable_buttons_show() {
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        signAndConfirm("/statements/vetted", "Waiting Org", "BE", "waiting@example.org");
        SignOnForm.sign(app.browser, "/statements/vetted", "Unconfirmed Org", "FR", "unconfirmed@example.org");
        held("vetted", "Flood Org", "flood@example.org", "rate");
        held("vetted", "Robot Org", "robot@example.org", "honeypot");
        Browser admin = app.admin();
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE suspect IS NOT NULL")).isEqualTo(2);

        Page all = admin.get("/admin/statements/vetted");
        assertThat(why(all, "Waiting Org")).isEqualTo("Confirmed, awaiting your review");
        assertThat(why(all, "Unconfirmed Org")).isEqualTo("Waiting for email confirmation");
        assertThat(why(all, "Flood Org")).isEqualTo("Held: over the rate limit, not mailed yet");
        assertThat(why(all, "Robot Org")).isEqualTo("Held: filled the field only robots see, not mailed");
        // every row can be selected, to tag it; a decision leaves the rows it does not apply to as they were
        Page approvedNone = all.form("form#moderation").set("ids", row(all, "Unconfirmed Org").select("input[name=ids]").val())
                .set("decision", "approve").submit();
        assertThat(admin.follow(approvedNone).text()).as("nothing to decide on an unconfirmed row")
                .contains("1 selected signature was left as it was");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Unconfirmed Org' AND state = 'pending'")).isEqualTo(1);
        assertThat(buttons(all)).containsExactly("approve", "reject", "release", "discard");

        Page awaiting = admin.get("/admin/statements/vetted?status=awaiting");
        assertThat(buttons(awaiting)).containsExactly("approve", "reject");
        Page held = admin.get("/admin/statements/vetted?status=suspect");
        assertThat(buttons(held)).containsExactly("release", "discard");
        assertThat(held.text()).doesNotContain("Approve selected");
    }

    @Test
    void a_petition_without_approval_has_no_approval_state_filter_or_button() {
        app.statement("open-list", "Open list", "Text", "open");
        signAndConfirm("/statements/open-list", "Listed Org", "BE", "listed@example.org");
        Page page = app.admin().get("/admin/statements/open-list");

        assertThat(page.document().select("select#status option").eachAttr("value")).doesNotContain("awaiting");
        assertThat(page.document().select(".counts-summary dt").eachText()).doesNotContain("Awaiting approval");
        assertThat(why(page, "Listed Org")).isEqualTo("Listed");
        assertThat(buttons(page)).containsExactly("reject");
    }

    @Test
    void approving_mails_the_organisation_in_its_language_with_the_list_where_it_now_is() {
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE, reply_to = 'team@network.example.org' WHERE slug = 'vetted'"));
        Browser french = new Browser(app.url(""), false).language("fr");
        SignOnForm.sign(french, "/statements/vetted", "Association Lumière", "FR", "lumiere@example.org");
        confirm(mailbox.nth("lumiere@example.org", 1));
        signAndConfirm("/statements/vetted", "Second Org", "BE", "second@example.org");
        Browser admin = app.admin();

        Form form = admin.get("/admin/statements/vetted?status=awaiting").form("form#moderation").set("decision", "approve");
        form.fields().put("ids", List.of(id("Association Lumière"), id("Second Org")));
        Page done = admin.follow(form.submit());
        assertThat(done.document().select("p[role=status].notice").text())
                .isEqualTo("2 signatures approved; each signer is told by email.");

        ReceivedMail approved = mailbox.nth("lumiere@example.org", 3);
        assertThat(approved.subject()).isEqualTo("Votre signature est publiée\u202f: Vetted statement");
        assertThat(approved.text()).contains("Association Lumière", "Vetted statement");
        assertThat(approved.header("Reply-To")).isEqualTo("team@network.example.org");
        String link = approved.linksTo("/statements/vetted").get(0);
        assertThat(link).contains("lang=fr").endsWith("#signatories");
        Page list = app.browser.get(link.replace("#signatories", ""));
        assertThat(list.document().select("#signatories li").eachText()).contains("Association Lumière");
    }

    @Test
    void rejecting_asks_once_mails_the_note_and_can_be_undone() {
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        signAndConfirm("/statements/vetted", "Doubtful Org", "BE", "doubtful@example.org");
        Browser admin = app.admin();

        Page ask = admin.get("/admin/statements/vetted?status=awaiting").form("form#moderation")
                .set("ids", id("Doubtful Org")).set("decision", "reject").submit();
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.h1()).isEqualTo("Reject 1 signature?");
        assertThat(ask.text()).contains("Doubtful Org");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE state = 'rejected'")).as("asking changes nothing").isZero();

        Page rejected = admin.follow(ask.form("form[action$=/moderation]").set("note", "We could not verify this organisation.").submit());
        assertThat(rejected.document().select("p[role=status].notice").text()).startsWith("1 signature rejected;");
        ReceivedMail mail = mailbox.nth("doubtful@example.org", 3);
        assertThat(mail.subject()).isEqualTo("Your signature was not accepted: Vetted statement");
        assertThat(mail.text()).contains("Doubtful Org", "We could not verify this organisation.");
        assertThat(mail.header("Reply-To")).as("no contact set: no Reply-To").isNull();

        Page rejectedList = admin.get("/admin/statements/vetted?status=rejected");
        assertThat(why(rejectedList, "Doubtful Org")).startsWith("Rejected").contains("We could not verify this organisation.");
        assertThat(buttons(rejectedList)).containsExactly("restore");
        Page restored = admin.follow(rejectedList.form("form#moderation").set("ids", id("Doubtful Org")).set("decision", "restore").submit());
        assertThat(restored.document().select("p[role=status].notice").text()).isEqualTo("1 signature restored.");
        assertThat(why(admin.get("/admin/statements/vetted"), "Doubtful Org")).isEqualTo("Confirmed, awaiting your review");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'restore'")).isEqualTo(1);
        assertThat(admin.get("/admin/audit").text()).contains("Restored a rejected signature");
    }

    @Test
    void nothing_selected_says_so_instead_of_zero_changed_in_every_language() {
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        signAndConfirm("/statements/vetted", "Some Org", "BE", "some@example.org");
        Browser admin = app.admin();
        for (String[] lang : new String[][] {{"en", "Nothing was changed"}, {"fr", "Rien n'a changé"}, {"es", "No se ha cambiado nada"}}) {
            admin.language(lang[0]);
            Form form = admin.get("/admin/statements/vetted").form("form#moderation").set("decision", "approve").remove("ids");
            Page after = admin.follow(form.submit());
            assertThat(after.document().select("p[role=status].notice").text()).startsWith(lang[1]).doesNotContain("0");
        }
        admin.language("fr");
        Page one = admin.follow(admin.get("/admin/statements/vetted").form("form#moderation")
                .set("ids", id("Some Org")).set("decision", "approve").submit());
        assertThat(one.document().select("p[role=status].notice").text()).startsWith("1 signature approuvée\u202f;");
    }

    private static String why(Page page, String name) {
        return row(page, name).select("td.why").text();
    }

    private static Element row(Page page, String name) {
        return page.document().select(".signatories-table tbody tr").stream()
                .filter(tr -> tr.select("th").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in " + page.document().select(".signatories-table tbody th").eachText()));
    }

    private static List<String> buttons(Page page) {
        return page.document().select("form#moderation button[name=decision]").eachAttr("value");
    }

    private void held(String slug, String organisation, String email, String why) {
        app.db().useHandle(h -> {
            h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('x', 'en', 'x', 0) ON CONFLICT DO NOTHING");
            h.createUpdate("""
                    INSERT INTO signatures (petition_id, status, email, email_key, organisation, org_type, contact_name,
                                            country, locale, consent_hash, created_at, suspect)
                    SELECT id, 'pending', :email, :email, :org, 'ngo', 'Someone', 'BE', 'en', 'x', :at, :why FROM petitions WHERE slug = :slug""")
                    .bind("email", email).bind("org", organisation).bind("why", why).bind("slug", slug).bind("at", app.clock.millis())
                    .execute();
        });
    }

}
