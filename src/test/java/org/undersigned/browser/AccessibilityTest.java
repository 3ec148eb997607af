package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
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
        SignOnForm.sign(app.browser, "/statements/climate", "Red Kite Collective", "BE", "ana@redkite.example.org");
        confirm(mailbox.nth("ana@redkite.example.org", 1));
        String manage = mailbox.nth("ana@redkite.example.org", 2).linkTo("/manage/");
        SupporterForm.filled(app.browser.get("/campaigns/water"), "Noor", "NL", "noor@example.net").tick("updates").submit();
        confirm(mailbox.nth("noor@example.net", 1));
        String unsubscribe = mailbox.nth("noor@example.net", 2).linkTo("/unsubscribe/");

        visit("home", "/");
        visit("statement", "/statements/climate");
        submitAsIs("statement-errors");
        visit("campaign", "/campaigns/water");
        submitAsIs("campaign-errors");
        visit("statement-embed", "/statements/climate/embed");
        visit("campaign-embed", "/campaigns/water/embed");
        submitAsIs("campaign-embed-errors");
        keys.fill("#first_name", "Sam").fill("#last_name", "Okafor").fill("#email", "sam@example.net")
                .tabTo("#country").type("Ireland").tick("#consent").tabTo("#sign-on button[type=submit]").press(Keys.ENTER);
        audit.check("campaign-embed-check-email");

        visit("campaign-before-signing", "/campaigns/water");
        keys.fill("#first_name", "Lea").fill("#last_name", "Roux").fill("#email", "lea@example.net")
                .tabTo("#country").type("France").tick("#consent").tabTo("#sign-on button[type=submit]").press(Keys.ENTER);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
        audit.check("check-email");
        ReceivedMail lea = mailbox.nth("lea@example.net", 1);
        visit("confirm", lea.linkTo("/confirm/"));
        keys.tabTo("form[action^='/confirm/'] button").press(Keys.ENTER);
        audit.check("confirmed");
        visit("confirm-unknown", "/confirm/not-a-token");
        visit("manage", manage);
        keys.tabTo("form[action$='/withdraw'] button").press(Keys.ENTER);
        audit.check("withdrawn");
        visit("unsubscribe", unsubscribe);
        keys.tabTo("form[action^='/unsubscribe/'] button").press(Keys.ENTER);
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
                .fill("#password", org.undersigned.support.TestApp.ADMIN_PASSWORD).press(Keys.ENTER);
        audit.check("dashboard");
        visit("statement-new", "/admin/statements/new");
        submitAsIs("statement-new-errors");
        visit("campaign-new", "/admin/campaigns/new");
        visit("statement-edit", "/admin/statements/climate/edit");
        visit("signatories", "/admin/statements/climate");
        visit("supporters", "/admin/campaigns/water");
        visit("signatory", "/admin/statements/climate/signatures/" + id);
        visit("audit", "/admin/audit");
        visit("coordinators", "/admin/coordinators");
        submitAsIs("coordinators-errors");
        keys.fill("#email", "nadia@network.example.org").fill("#name", "Nadia").tabTo("form[action='/admin/coordinators'] button").press(Keys.ENTER);
        audit.check("coordinators-invited");
        visit("invitation", mailbox.nth("nadia@network.example.org", 1).linkTo("/admin/invitations/"));
        submitAsIs("invitation-errors");

        assertThat(audit.problems()).isEmpty();
    }

    private void visit(String name, String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : app.url(pathOrUrl));
        audit.check(name);
    }

    /** Sends the page's main form as it stands, by keyboard, and audits the answer. */
    private void submitAsIs(String name) {
        keys.tabTo("main form:not([role=search]):not(.logout) button[type=submit]").press(Keys.ENTER);
        audit.check(name);
    }
}
