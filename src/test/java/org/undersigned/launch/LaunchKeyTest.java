package org.undersigned.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

class LaunchKeyTest extends AppTest {
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    @Test
    void initiators_sign_through_the_private_link_before_opening_and_are_listed_first_once_it_opens() {
        Browser admin = app.admin();
        Instant opens = app.clock.instant().plus(Duration.ofHours(2));
        admin.get("/admin/statements/new").form("form.petition-form")
                .set("title", "Launch soon").set("summary", "Secret summary").set("body", "Not yet public").set("status", "open")
                .set("opens_at", INPUT.format(opens)).submit();
        Page none = app.browser.get("/statements/launch-soon");
        assertThat(none.status()).isEqualTo(404);

        assertThat(admin.get("/admin/statements/launch-soon/key").document().select("[data-link]")).isEmpty();
        Page made = admin.get("/admin/statements/launch-soon/key").form("form[action$=/key]").submit();
        assertThat(made.status()).isEqualTo(303);
        String link = admin.follow(made).document().selectFirst("[data-link]").attr("data-link");
        String key = link.substring(link.indexOf("?key=") + 5);
        assertThat(link).isEqualTo("/statements/launch-soon?key=" + key);
        assertThat(key).hasSizeGreaterThanOrEqualTo(22); // at least 128 random bits in base64url

        Page wrong = app.browser.get("/statements/launch-soon?key=" + key.substring(1) + "x");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.body()).isEqualTo(none.body());

        Page early = app.browser.get(link);
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.header("Cache-Control")).isEqualTo("no-store");
        assertThat(early.header("X-Robots-Tag")).isEqualTo("noindex, nofollow");
        assertThat(early.document().select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(early.document().select("meta[property^=og:], meta[name^=twitter:], meta[name=description]")).isEmpty();
        assertThat(early.document().select("form#sign-on input[name=key]").val()).isEqualTo(key);

        // the form signs with the key it carries, and the mail confirms as usual
        assertThat(SignOnForm.sign(app.browser, link, "Founding Org", "BE", "founder@example.org").status()).isEqualTo(200);
        assertThat(confirm(mailbox.nth("founder@example.org", 1)).status()).isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE organisation = 'Founding Org' AND status = 'confirmed'")).isEqualTo(1);
        // without the key the same POST meets the public 404
        Page keyless = app.browser.post("/statements/launch-soon/signatures", Map.of("organisation", List.of("Sneaky")));
        assertThat(keyless.status()).isEqualTo(404);

        // a new key: the old link leads nowhere, the new one works, and both keys are in the audit trail
        Page renewed = admin.get("/admin/statements/launch-soon/key").form("form[action$=/key]").submit();
        String newLink = admin.follow(renewed).document().selectFirst("[data-link]").attr("data-link");
        assertThat(newLink).isNotEqualTo(link);
        assertThat(app.browser.get(link).status()).isEqualTo(404);
        assertThat(app.browser.get(link).body()).isEqualTo(none.body());
        assertThat(app.browser.get(newLink).status()).isEqualTo(200);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'launch_key' AND target = '/statements/launch-soon'")).isEqualTo(2);

        // at the opening time the text and its list appear with no one doing anything, initiators first
        app.clock.advance(Duration.ofHours(3));
        Page open = app.browser.get("/statements/launch-soon");
        assertThat(open.status()).isEqualTo(200);
        signAndConfirm("/statements/launch-soon", "Arriving Later", "AT", "later@example.org");
        Page listed = app.browser.get("/statements/launch-soon");
        assertThat(listed.document().select("h3#initiators").text()).isEqualTo("Initiated by (1)");
        assertThat(listed.document().select("ul.initiators li a").eachText()).containsExactly("Founding Org");
        assertThat(listed.document().select("#signatories .org-list li a").eachText()).containsExactly("Founding Org", "Arriving Later");
        assertThat(listed.document().select("meta[property=og:title]").attr("content")).isEqualTo("Launch soon");
    }

    @Test
    void a_draft_and_an_open_petition_ignore_keys_and_campaigns_have_links_too() {
        Browser admin = app.admin();
        admin.get("/admin/statements/new").form("form.petition-form").set("title", "Draft camp").set("body", "x").set("status", "draft").submit();
        String draftLink = admin.follow(admin.get("/admin/statements/draft-camp/key").form("form[action$=/key]").submit())
                .document().selectFirst("[data-link]").attr("data-link");
        assertThat(app.browser.get(draftLink).status()).isEqualTo(404); // only a coordinator's "open" makes a link work

        Page made = admin.get("/admin/campaigns/new").form("form.petition-form").set("title", "Soon camp").set("body", "x").set("goal", "100").set("status", "open")
                .set("opens_at", INPUT.format(app.clock.instant().plus(Duration.ofDays(1)))).submit();
        assertThat(made.header("Location")).as(made.document().select(".error-summary").text()).isEqualTo("/admin/campaigns/soon-camp?saved=1");
        String link = admin.follow(admin.get("/admin/campaigns/soon-camp/key").form("form[action$=/key]").submit())
                .document().selectFirst("[data-link]").attr("data-link");
        Page early = app.browser.get(link);
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.document().select("form#sign-on input[name=key]")).hasSize(1);
        assertThat(app.browser.get("/campaigns/soon-camp").status()).isEqualTo(404);
        assertThat(app.browser.get("/admin/campaigns/soon-camp/key").status()).isNotEqualTo(200); // the key page is for coordinators
    }
}
