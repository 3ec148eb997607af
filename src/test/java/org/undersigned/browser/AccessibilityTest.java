package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.support.AppTest;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;

/**
 * Every kind of page, public and admin, audited in Chromium: axe-core with the WCAG 2.2 A and AA
 * rules, 24 px targets, reflow at 320 px and at 200 % zoom; each saved as a screenshot.
 */
// what the browser shows and weighs does not depend on the database: the PostgreSQL pass covers the same paths over HTTP
@Tag("sqlite")
class AccessibilityTest extends AppTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.withJavaScript();
    private final Axe axe = new Axe();
    private ChromeDriver driver;
    private Keyboard keys;
    private PageAudit audit;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        keys = new Keyboard(driver);
        audit = new PageAudit(driver, axe);
    }

    @Test
    void public_pages_embeds_and_link_pages_meet_wcag_22_aa() {
        app.statement("climate", "Climate justice now", "We, the undersigned, **agree**.\n\n- Clean air\n- Safe [water](https://example.org)", "open");
        app.campaign("water", "Clean water for all", 500);
        // what the campaign and thank-you pages show when set: image, goal steps, the next step
        app.db().useHandle(h -> h.execute("""
                UPDATE petitions SET image_url = '/demo/clinic.svg', image_alt = 'A clinic', goal_steps = '1, 5',
                       next_step = 'donate', next_step_url = 'https://example.org/donate' WHERE slug = 'water'"""));
        app.statement("ended", "An ended statement", "Done.", "closed");
        SignOnForm.sign(app.browser, "/statements/climate", "Red Kite Collective", "BE", "ana@redkite.example.org");
        confirm(mailbox.nth("ana@redkite.example.org", 1));
        String manage = mailbox.nth("ana@redkite.example.org", 2).linkTo("/manage/");
        SupporterForm.filled(app.browser.get("/campaigns/water"), "Noor", "NL", "noor@example.net").tick("updates").submit();
        confirm(mailbox.nth("noor@example.net", 1));
        String unsubscribe = mailbox.nth("noor@example.net", 2).linkTo("/unsubscribe/");

        visit("home", "/");
        visit("archive", "/archive");
        visit("statement", "/statements/climate");
        submitAsIs("statement-errors");
        visit("campaign", "/campaigns/water");
        submitAsIs("campaign-errors");
        visit("statement-embed", "/statements/climate/embed");
        visit("campaign-embed", "/campaigns/water/embed");
        submitAsIs("campaign-embed-errors");
        keys.fill("#first_name", "Sam").fill("#last_name", "Okafor").fill("#email", "sam@example.net")
                .tabTo("#country").type("Ireland").tick("#consent").tabTo("#sign-on button[type=submit]").enterAndLoad();
        audit.check("campaign-embed-check-email");

        visit("campaign-before-signing", "/campaigns/water");
        keys.fill("#first_name", "Lea").fill("#last_name", "Roux").fill("#email", "lea@example.net")
                .tabTo("#country").type("France").tick("#consent").tabTo("#sign-on button[type=submit]").enterAndLoad();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
        audit.check("check-email");
        ReceivedMail lea = mailbox.nth("lea@example.net", 1);
        visit("confirm", lea.linkTo("/confirm/"));
        keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
        audit.check("confirmed");
        visit("confirm-unknown", "/confirm/not-a-token");
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        SignOnForm.sign(app.browser, "/statements/vetted", "Harbour Legal Aid", "BE", "harbour@example.org");
        visit("confirm-reviewed", mailbox.nth("harbour@example.org", 1).linkTo("/confirm/"));
        keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
        audit.check("confirmed-awaiting-review");
        visit("manage-awaiting-review", mailbox.nth("harbour@example.org", 2).linkTo("/manage/"));
        visit("manage", manage);
        keys.tabTo("form[action$='/withdraw'] button").enterAndLoad();
        audit.check("withdrawn");
        visit("unsubscribe", unsubscribe);
        keys.tabTo("form[action^='/unsubscribe/'] button").enterAndLoad();
        audit.check("unsubscribed");
        visit("not-found", "/statements/no-such-statement");

        assertThat(audit.problems()).isEmpty();
    }

    @Test
    void admin_pages_meet_wcag_22_aa() {
        app.statement("climate", "Climate justice now", "Text", "open");
        app.campaign("water", "Clean water for all", 500);
        SignOnForm.sign(app.browser, "/statements/climate", "Red Kite Collective", "BE", "ana@redkite.example.org");
        confirm(mailbox.nth("ana@redkite.example.org", 1));
        SupporterForm.sign(app.browser, "/campaigns/water", "Noor", "NL", "noor@example.net");
        long id = app.count("SELECT id FROM signatures WHERE organisation = 'Red Kite Collective'");

        visit("login", "/admin/login");
        submitAsIs("login-errors");
        keys.fill("#email", org.undersigned.support.TestApp.ADMIN_EMAIL)
                .fill("#password", org.undersigned.support.TestApp.ADMIN_PASSWORD).enterAndLoad();
        audit.check("dashboard");
        visit("statement-new", "/admin/statements/new");
        submitAsIs("statement-new-errors");
        visit("campaign-new", "/admin/campaigns/new");
        visit("statement-edit", "/admin/statements/climate/edit");
        visit("signatories", "/admin/statements/climate");
        keys.tick("#sel-" + id).tabTo("#moderation button[value=reject]").enterAndLoad();
        audit.check("reject-confirm");
        app.statement("soon", "Coming soon", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET opens_at = ? WHERE slug = 'soon'", app.clock.millis() + 86_400_000L));
        visit("preview", "/admin/statements/soon/preview");
        visit("supporters", "/admin/campaigns/water");
        visit("signatory", "/admin/statements/climate/signatures/" + id);
        visit("audit", "/admin/audit");
        visit("coordinators", "/admin/coordinators");
        submitAsIs("coordinators-errors");
        keys.fill("#email", "nadia@network.example.org").fill("#name", "Nadia").tabTo("form[action='/admin/coordinators'] button").enterAndLoad();
        audit.check("coordinators-invited");
        visit("tokens", "/admin/tokens");
        submitAsIs("tokens-errors");
        keys.fill("#name", "CRM sync").tabTo("form[action='/admin/tokens'] button").enterAndLoad();
        assertThat(driver.findElement(By.cssSelector("[data-token]")).getText()).startsWith("usk_");
        audit.check("tokens-created");
        visit("invitation", mailbox.nth("nadia@network.example.org", 1).linkTo("/admin/invitations/"));
        submitAsIs("invitation-errors");
        visit("settings", "/admin/settings");
        keys.fill("#accent_color", "#777777").tabTo("form.settings-form button[type=submit]").enterAndLoad();
        audit.check("settings-errors");
        driver.findElement(By.id("logo")).sendKeys(logoFile().toString());
        keys.fill("#site_name", "Migrant Rights Network").fill("#accent_color", "#7a3e9d")
                .fill("#privacy_url", "https://mrn.example.org/privacy").fill("#legal_url", "https://mrn.example.org/legal")
                .tabTo("form.settings-form button[type=submit]").enterAndLoad();
        audit.check("settings-saved");
        visit("statement-with-logo", "/statements/climate");
        app.coordinator("kim@network.example.org", "a coordinator passphrase 42");
        driver.manage().deleteAllCookies();
        driver.get(app.url("/admin/login"));
        keys.fill("#email", "kim@network.example.org").fill("#password", "a coordinator passphrase 42").enterAndLoad();
        visit("forbidden", "/admin/coordinators");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This request was refused");

        assertThat(audit.problems()).isEmpty();
    }

    /** A logo as a network would upload it: wider than high, with a transparent background. */
    private static java.nio.file.Path logoFile() {
        var image = new java.awt.image.BufferedImage(600, 200, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x7a3e9d));
        g.fillOval(10, 10, 180, 180);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(60, 60, 80, 80);
        g.setColor(new java.awt.Color(0x2b2b2b));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 110));
        g.drawString("MRN", 210, 140);
        g.dispose();
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("logo", ".png");
            javax.imageio.ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void visit(String name, String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : app.url(pathOrUrl));
        audit.check(name);
    }

    /** Sends the page's main form as it stands, by keyboard, and audits the answer. */
    private void submitAsIs(String name) {
        keys.tabTo("main form:not([role=search]):not(.logout) button[type=submit]").enterAndLoad();
        audit.check(name);
    }

    @Test
    void the_audit_catches_faint_text_unlabelled_fields_small_targets_and_sideways_scrolling() {
        driver.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode("""
                <!doctype html><html lang="en"><head><title>A careless page</title></head><body><main>
                <h1>Careless</h1><p style="color:#bbb">Faint text</p><input type="text" name="q">
                <button style="width:16px;height:16px;padding:0;border:0" aria-label="Go"></button>
                <div style="width:900px">Wide</div></main></body></html>""", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(audit.inspect("careless").problems())
                .anyMatch(p -> p.startsWith("careless: color-contrast"))
                .anyMatch(p -> p.startsWith("careless: label"))
                .anyMatch(p -> p.startsWith("careless: target button") && p.endsWith("16.0 x 16.0"))
                .anyMatch(p -> p.startsWith("careless: scrolls sideways") && p.contains("at 320 px wide"))
                .anyMatch(p -> p.startsWith("careless: scrolls sideways") && p.contains("at 200 % zoom"));
    }

    @Test
    void every_element_reached_by_tab_shows_a_visible_focus_indicator() {
        app.statement("climate");
        driver.get(app.url("/statements/climate"));
        assertThat(driver.executeScript("""
                return [...document.styleSheets].flatMap(s => [...s.cssRules]).some(r => (r.selectorText || '').includes(':focus-visible'))"""))
                .as("the stylesheet has a :focus-visible rule").isEqualTo(true);
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.press(Keys.TAB);
            @SuppressWarnings("unchecked")
            java.util.List<Object> focus = (java.util.List<Object>) driver.executeScript("""
                    const a = document.activeElement, s = getComputedStyle(a);
                    const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                    return [a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + ' ' + (a.textContent || '').trim().slice(0, 30), visible];""");
            if (focus.get(0).toString().startsWith("body")) break;
            assertThat(focus.get(1)).as("visible focus on %s", focus.get(0)).isEqualTo(true);
            seen.add(focus.get(0).toString());
        }
        assertThat(seen).as("elements reached by Tab").anyMatch(e -> e.startsWith("a "))
                .anyMatch(e -> e.startsWith("input#organisation")).anyMatch(e -> e.startsWith("select#country"))
                .anyMatch(e -> e.startsWith("input#consent_publish")).anyMatch(e -> e.startsWith("button"));
    }

    @Test
    void the_counter_and_status_messages_are_announced() {
        app.campaign("water", "Clean water for all", 500);
        driver.get(app.url("/campaigns/water"));
        assertThat(driver.findElement(By.cssSelector("#counter [aria-live=polite]")).getText()).startsWith("0 ");
        keys.fill("#first_name", "Lea").fill("#last_name", "Roux").fill("#email", "lea@example.net")
                .tabTo("#country").type("France").tick("#consent").tabTo("#sign-on button[type=submit]").enterAndLoad();
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Check your email").contains("lea@example.net");
        driver.get(mailbox.nth("lea@example.net", 1).linkTo("/confirm/"));
        keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Clean water for all");
        driver.get(app.url("/campaigns/water"));
        assertThat(driver.findElement(By.cssSelector("#counter [aria-live=polite]")).getText()).startsWith("1 ");
        keys.tabTo("#sign-on button[type=submit]").enterAndLoad();
        assertThat(driver.findElement(By.id("error-summary")).getAttribute("role")).isEqualTo("alert");
    }
}
