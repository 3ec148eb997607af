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

/**
 * Organisations and supporters sign in Chromium, by keyboard, and confirm from the mail they get.
 * What the browser does is the same on either database: the PostgreSQL pass covers these paths over HTTP.
 */
@Tag("sqlite")
class SigningTest extends AppTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.withJavaScript();
    private ChromeDriver driver;
    private Keyboard keys;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        keys = new Keyboard(driver);
    }

    @Test
    void an_organisation_signs_by_keyboard_confirms_from_its_mail_and_finds_itself_listed() {
        String path = app.statement("climate", "Climate justice now", "We, the undersigned, *agree*.", "open");
        driver.get(app.url(path));
        keys.fill("#organisation", "Red Kite Collective")
                .tabTo("#country").type("Belgium")
                .tabTo("#org_type").type("Migrant")
                .fill("#contact_name", "Ana Moreau")
                .fill("#email", "ana@redkite.example.org")
                .tick("#consent_publish")
                .tabTo("#sign-on button[type=submit]").enterAndLoad();

        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Check your email");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("ana@redkite.example.org");

        ReceivedMail mail = mailbox.nth("ana@redkite.example.org", 1);
        driver.get(mail.linkTo("/confirm/"));
        keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
        assertThat(driver.findElement(By.cssSelector("[role=status] h1")).getText()).isNotBlank();

        keys.tabTo("a[href$='#signatories']").enterAndLoad();
        assertThat(driver.getCurrentUrl()).isEqualTo(app.url(path + "#signatories"));
        assertThat(driver.findElements(By.cssSelector("#signatories li")).stream().map(e -> e.getText()).toList())
                .anyMatch(text -> text.contains("Red Kite Collective"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("1 organisation has signed");
    }

    @Test
    void a_supporter_signs_from_the_embed_framed_by_a_site_of_another_origin() {
        app.campaign("water", "Clean water for all", 500);
        try (HostSite partner = HostSite.framing(app.url("/campaigns/water/embed"))) {
            driver.get(partner.url());
            assertThat(driver.getCurrentUrl()).startsWith("http://127.0.0.1:").doesNotStartWith(app.url("/"));
            new Screens(driver).capture("embed-on-partner-site");
            driver.switchTo().frame(driver.findElement(By.cssSelector("iframe[title='Sign the campaign']")));
            keys.fill("#first_name", "Noor")
                    .fill("#last_name", "Haddad")
                    .fill("#email", "noor@example.net")
                    .tabTo("#country").type("Netherlands")
                    .tick("#consent")
                    .tabTo("#sign-on button[type=submit]").enterAndLoad();

            assertThat(driver.findElement(By.cssSelector("[role=status] h1")).getText()).isEqualTo("Check your email");
            ReceivedMail mail = mailbox.nth("noor@example.net", 1);
            assertThat(mail.subject()).contains("Clean water for all");
            confirm(mail);

            driver.switchTo().defaultContent();
            driver.navigate().refresh();
            driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
            assertThat(driver.findElement(By.cssSelector(".counter")).getText()).startsWith("1 ");
        }
    }

    @Test
    void a_coordinator_logs_in_approves_a_sign_on_and_downloads_the_csv() {
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        app.assign("vetted", app.coordinator("kim@network.example.org", "a coordinator passphrase 42"));
        confirm(signed("Harbour Legal Aid", "harbour@example.org"));
        assertThat(app.browser.get("/statements/vetted").text()).doesNotContain("Harbour Legal Aid");

        driver.get(app.url("/admin/login"));
        keys.fill("#email", "kim@network.example.org").fill("#password", "a coordinator passphrase 42").enterAndLoad();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        keys.tabTo("a[href='/admin/statements/vetted']").enterAndLoad();
        String id = driver.findElement(By.xpath("//tr[th/a[text()='Harbour Legal Aid']]//input[@type='checkbox']")).getAttribute("value");
        keys.tick("#sel-" + id)
                .fill("#note", "Known member")
                .tabTo("#moderation button[value=approve]").enterAndLoad();

        assertThat(driver.findElement(By.cssSelector(".notice[role=status]")).getText()).isEqualTo("1 signature approved; the signer is told by email.");
        assertThat(app.browser.get("/statements/vetted").document().select("#signatories li").eachText()).containsExactly("Harbour Legal Aid");

        keys.tabTo("a[href^='/admin/statements/vetted/signatures.csv']").press(Keys.ENTER);
        String csv = Downloads.awaitFile(chromium.downloads(), "vetted-signatures.csv");
        assertThat(csv.lines().skip(1).toList()).hasSize(1).first().asString()
                .contains("Harbour Legal Aid").contains("harbour@example.org").contains("BE");
    }

    @Test
    void an_invalid_form_puts_focus_on_the_error_summary_whose_links_move_focus_to_the_fields() {
        app.campaign("air", "Clean air", 100);
        driver.get(app.url("/campaigns/air"));
        keys.fill("#first_name", "Sam").fill("#email", "not an address")
                .tabTo("#sign-on button[type=submit]").enterAndLoad();

        assertThat(driver.getTitle()).startsWith("Error:");
        assertThat(keys.focusLandsOn("#error-summary")).as("focus on the summary, not on %s", keys.describeFocus()).isTrue();
        assertThat(driver.findElement(By.id("first_name")).getAttribute("value")).isEqualTo("Sam");
        var links = driver.findElements(By.cssSelector("#error-summary a")).stream().map(a -> a.getAttribute("hash")).toList();
        assertThat(links).containsExactly("#last_name", "#email", "#country", "#consent");

        keys.press(Keys.TAB);
        for (String link : links) {
            assertThat(keys.focusedMatches("#error-summary a[href='" + link + "']")).as("focus on %s", keys.describeFocus()).isTrue();
            keys.press(Keys.ENTER);
            assertThat(keys.focusedMatches(link)).as("after following %s focus is on %s", link, keys.describeFocus()).isTrue();
            assertThat(driver.findElement(By.cssSelector(link)).getAttribute("aria-invalid")).isEqualTo("true");
            keys.backTo("#error-summary a[href='" + link + "']").press(Keys.TAB);
        }
    }

    private ReceivedMail signed(String organisation, String email) {
        org.undersigned.support.SignOnForm.sign(app.browser, "/statements/vetted", organisation, "BE", email);
        return mailbox.nth(email, 1);
    }
}
