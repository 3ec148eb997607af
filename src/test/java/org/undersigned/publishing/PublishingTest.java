package org.undersigned.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

class PublishingTest extends AppTest {

    @Test
    void a_coordinator_writes_publishes_and_the_public_reads_and_signs() {
        Browser admin = app.admin();
        Page created = admin.get("/admin/statements/new").form("form.petition-form")
                .set("title", "Stop pushbacks at Europe's borders")
                .set("summary", "Pushbacks are illegal.")
                .set("body", "We, the undersigned, **condemn** pushbacks.\r\n\r\n- one\r\n- two")
                .set("status", "open")
                .submit();
        assertThat(created.status()).isEqualTo(303);
        assertThat(created.header("Location")).isEqualTo("/admin/statements/stop-pushbacks-at-europe-s-borders?saved=1");
        assertThat(admin.follow(created).h1()).isEqualTo("Stop pushbacks at Europe's borders");

        Page page = app.browser.get("/statements/stop-pushbacks-at-europe-s-borders");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".prose strong").text()).isEqualTo("condemn");
        assertThat(page.document().select(".prose li").eachText()).containsExactly("one", "two");
        assertThat(app.browser.get("/").text()).contains("Stop pushbacks at Europe's borders");
        assertThat(SignOnForm.sign(app.browser, "/statements/stop-pushbacks-at-europe-s-borders", "Org", "BE", "o@example.org").status()).isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND target = '/statements/stop-pushbacks-at-europe-s-borders'")).isEqualTo(1);
    }

    @Test
    void the_preview_shows_the_rendered_text_and_saves_nothing() {
        Browser admin = app.admin();
        Form form = admin.get("/admin/statements/new").form("form.petition-form")
                .set("title", "Preview me").set("body", "Some *emphasis* and <script>alert(1)</script>");
        form.fields().put("action", java.util.List.of("preview"));
        Page preview = form.submit();
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.document().select(".preview em").text()).isEqualTo("emphasis");
        assertThat(preview.document().select(".preview script")).isEmpty();
        assertThat(preview.document().selectFirst("#title").val()).isEqualTo("Preview me");
        assertThat(app.count("SELECT COUNT(*) FROM petitions")).isZero();
    }

    @Test
    void an_invalid_form_answers_400_with_the_problems_and_the_input_kept() {
        Page page = app.admin().get("/admin/campaigns/new").form("form.petition-form")
                .set("title", "").set("body", "Kept body").set("goal", "lots").set("slug", "Bad Slug!").submit();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#title", "#slug", "#goal");
        assertThat(page.document().selectFirst("#body").text()).isEqualTo("Kept body");
    }

    @Test
    void the_slug_can_change_until_someone_signs_and_edits_keep_every_version() {
        Browser admin = app.admin();
        admin.get("/admin/statements/new").form("form.petition-form")
                .set("title", "First title").set("body", "Version one").set("status", "open").submit();
        Page renamed = admin.get("/admin/statements/first-title/edit").form("form.petition-form").set("slug", "better-name").submit();
        assertThat(renamed.header("Location")).isEqualTo("/admin/statements/better-name?saved=1");

        SignOnForm.sign(app.browser, "/statements/better-name", "Early Org", "BE", "early@example.org");
        Page locked = admin.get("/admin/statements/better-name/edit").form("form.petition-form").set("slug", "another-name").submit();
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.text()).contains("The web address cannot change once someone has signed");

        Page edited = admin.get("/admin/statements/better-name/edit").form("form.petition-form").set("body", "Version two").submit();
        assertThat(edited.status()).isEqualTo(303);
        SignOnForm.sign(app.browser, "/statements/better-name", "Late Org", "BE", "late@example.org");

        assertThat(app.count("SELECT COUNT(*) FROM petition_versions v JOIN petitions p ON p.id = v.petition_id WHERE p.slug = 'better-name'")).isEqualTo(2);
        List<String> versions = app.db().withHandle(h -> h.createQuery("SELECT organisation || ':' || petition_version FROM signatures ORDER BY id")
                .mapTo(String.class).list());
        assertThat(versions).containsExactly("Early Org:1", "Late Org:2");
        assertThat(app.browser.get("/statements/better-name").text()).contains("Version two");
    }

    @Test
    void an_embargoed_statement_opens_and_closes_itself() {
        Instant opens = app.clock.instant().plus(Duration.ofHours(2));
        Instant closes = opens.plus(Duration.ofDays(1));
        DateTimeFormatter input = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);
        app.admin().get("/admin/statements/new").form("form.petition-form")
                .set("title", "Embargoed").set("body", "Not yet").set("status", "open")
                .set("opens_at", input.format(opens)).set("closes_at", input.format(closes)).submit();

        assertThat(app.browser.get("/statements/embargoed").status()).isEqualTo(404);
        assertThat(app.browser.get("/").text()).doesNotContain("Embargoed");

        app.clock.advance(Duration.ofHours(3));
        assertThat(app.browser.get("/statements/embargoed").document().select("form#sign-on")).hasSize(1);
        assertThat(SignOnForm.sign(app.browser, "/statements/embargoed", "Punctual", "BE", "p@example.org").status()).isEqualTo(200);

        app.clock.advance(Duration.ofDays(1));
        Page closed = app.browser.get("/statements/embargoed");
        assertThat(closed.document().select("form#sign-on")).isEmpty();
        assertThat(closed.text()).contains("This statement closed on");
        assertThat(app.browser.get("/api/v1/statements/embargoed").body()).contains("\"status\":\"closed\"");
    }

    @Test
    void a_campaign_gets_its_goal_and_closing_and_reopening_are_audited() {
        Browser admin = app.admin();
        admin.get("/admin/campaigns/new").form("form.petition-form")
                .set("title", "Clinics for all").set("body", "Sign").set("goal", "2,500").set("status", "open").submit();
        assertThat(app.browser.get("/api/v1/campaigns/clinics-for-all").body()).contains("\"goal\":2500");

        admin.get("/admin/campaigns/clinics-for-all/edit").form("form.petition-form").set("status", "closed").submit();
        assertThat(app.browser.get("/campaigns/clinics-for-all").document().select("form#sign-on")).isEmpty();
        admin.get("/admin/campaigns/clinics-for-all/edit").form("form.petition-form").set("status", "open").submit();
        assertThat(app.browser.get("/campaigns/clinics-for-all").document().select("form#sign-on")).hasSize(1);

        Page audit = admin.get("/admin/audit");
        assertThat(audit.document().select("tbody tr td:nth-child(3)").eachText()).contains("Created", "Closed", "Reopened");
    }
}
