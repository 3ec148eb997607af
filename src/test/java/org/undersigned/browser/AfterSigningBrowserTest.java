package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.support.AppTest;

/**
 * In Chromium, by keyboard and without JavaScript: the "did you mean" hint blocks nothing (Enter
 * still sends the form as typed), its button fixes the address in one press, and the language
 * switcher of the answer keeps the reader on the petition.
 * What the browser does is the same on either database: the PostgreSQL pass covers these paths over HTTP.
 */
@Tag("sqlite")
class AfterSigningBrowserTest extends AppTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.withoutJavaScript();
    private ChromeDriver driver;
    private Keyboard keys;
    private String path;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        keys = new Keyboard(driver);
        path = app.statement("climate", "Climate justice now", "We, the undersigned, *agree*.", "open");
    }

    /** The form sent back without the consent box ticked, the address mistyped. */
    private void signWithoutConsent(String email) {
        driver.get(app.url(path));
        keys.fill("#organisation", "Red Kite Collective")
                .tabTo("#country").type("Belgium")
                .tabTo("#org_type").type("Migrant")
                .fill("#contact_name", "Ana Moreau")
                .fill("#email", email)
                .tabTo("#sign-on button.button[type=submit]").enterAndLoad();
        assertThat(driver.findElement(By.cssSelector("#email-suggestion")).getText()).startsWith("Did you mean ana@gmail.com?");
    }

    @Test
    void enter_sends_the_address_as_typed_and_the_hint_button_sends_the_fixed_one() {
        signWithoutConsent("ana@gmial.com");
        keys.tick("#consent_publish").backTo("#email").enterAndLoad(); // Enter in the address field
        assertThat(driver.findElement(By.cssSelector("[role=status] strong")).getText()).isEqualTo("ana@gmial.com");

        // the answer's language switcher leads to the petition, in French
        keys.tabTo("nav.languages a[hreflang=fr]").enterAndLoad();
        assertThat(driver.getCurrentUrl()).isEqualTo(app.url(path + "?lang=fr"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Climate justice now");

        driver.get(app.url(path + "?lang=en"));
        signWithoutConsent("ana@gmial.com");
        keys.tick("#consent_publish").tabTo("#email-suggestion button").enterAndLoad();
        assertThat(driver.findElement(By.cssSelector("[role=status] strong")).getText()).isEqualTo("ana@gmail.com");
        assertThat(mailbox.nth("ana@gmail.com", 1).subject()).isEqualTo("Confirm your signature: Climate justice now");
    }
}
