package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.site.TestImages;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Multipart;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.Wait;

/** The logo wall and the embed on a partner's page, as Chromium lays them out: axe, reflow and screenshots at phone and desktop width. */
@Tag("sqlite")
class LogoWallBrowserTest extends AppTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.withJavaScript();
    private ChromeDriver driver;
    private PageAudit audit;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        audit = new PageAudit(driver, new Axe());
    }

    @Test
    void a_logo_wall_with_and_without_logos_meets_wcag_and_lazy_loads_its_images() {
        String path = app.statement("wall", "Stop the detention of children", "We, the undersigned, *agree*.", "open");
        app.admin().get("/admin/statements/wall/edit").form("form.petition-form").set("list_style", "logos").submit();
        String[][] orgs = {{"Red Kite Collective", "BE", "png", "800", "300"}, {"Harbour Legal Aid", "BE", null, null, null},
                {"Asociación Puentes", "ES", "jpeg", "400", "400"}, {"Terre d'Accueil", "FR", null, null, null},
                {"Open Borders Network", "FR", "png", "600", "200"}};
        int n = 0;
        for (String[] org : orgs) {
            String email = "org" + (++n) + "@example.org";
            var form = SignOnForm.filled(app.browser.get(path), org[0], org[1], email).remove("logo");
            if (org[2] == null) form.submit();
            else Multipart.of(form).file("logo", "logo." + org[2], "image/" + org[2],
                    TestImages.image(org[2], Integer.parseInt(org[3]), Integer.parseInt(org[4]))).post(app.browser, form.action());
            confirm(mailbox.nth(email, 1));
        }
        driver.get(app.url(path + "#signatories"));
        assertThat(driver.findElements(By.cssSelector(".logo-wall img[loading=lazy]"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector(".logo-wall .logo-initials"))).hasSize(2);
        audit.check("logo-wall");
        Screens screens = new Screens(driver);
        screens.phone().saveFromTo(Screens.SCREENSHOTS.resolve("logo-wall-list-phone.png"), "#signatories", "#signatories", 8);
        screens.desktop().saveFromTo(Screens.SCREENSHOTS.resolve("logo-wall-list-desktop.png"), "#signatories", "#signatories", 8);
        assertThat(audit.problems()).isEmpty();
    }

    /** The frame is as tall as the widget's content, give or take a line: embed.js has set its height from the widget's message. */
    private boolean fits(WebElement frame) {
        if (!frame.getAttribute("style").matches(".*height: \\d+px.*")) return false;
        long frameHeight = ((Number) driver.executeScript("return arguments[0].getBoundingClientRect().height", frame)).longValue();
        driver.switchTo().frame(frame);
        long content = ((Number) driver.executeScript("return Math.ceil(document.body.getBoundingClientRect().height)")).longValue();
        driver.switchTo().defaultContent();
        return frameHeight >= content && frameHeight <= content + 40;
    }

    @Test
    void the_embed_code_pasted_on_a_partner_s_page_fits_its_frame_to_the_widget() {
        String path = app.statement("wall", "Stop the detention of children", "We agree.", "open");
        Browser admin = app.admin();
        String code = admin.get("/admin" + path).document().selectFirst("#embed-code").text();
        try (HostSite partner = HostSite.pasting(code)) {
            driver.get(partner.url());
            WebElement frame = driver.findElement(By.tagName("iframe"));
            Screens screens = new Screens(driver);
            // a phone's width, and tall enough to hold the whole page: Chromium paints another origin's frame only within the viewport
            screens.viewport(390, 2000, true);
            Wait.until("the frame fits its widget at phone width", () -> fits(frame));
            screens.save("embed-resized-on-partner-site-phone");
            screens.desktop();
            Wait.until("the frame fits its widget at desktop width", () -> fits(frame));
            screens.save("embed-resized-on-partner-site-desktop");

            // signing inside the frame, and "back" afterwards, leave the partner's page where it is
            driver.switchTo().frame(frame);
            new Keyboard(driver).fill("#organisation", "Red Kite Collective")
                    .tabTo("#country").type("Belgium")
                    .tabTo("#org_type").type("Migrant")
                    .fill("#contact_name", "Ana Moreau")
                    .fill("#email", "ana@redkite.example.org")
                    .tick("#consent_publish")
                    .tabTo("#sign-on button[type=submit]").enterAndLoad();
            assertThat(driver.findElement(By.cssSelector("[role=status] h1")).getText()).isEqualTo("Check your email");
            driver.switchTo().defaultContent();
            assertThat(driver.getCurrentUrl()).isEqualTo(partner.url());
            driver.navigate().back();
            Wait.until("the widget's form is back in the frame", () -> {
                driver.switchTo().defaultContent();
                driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
                return !driver.findElements(By.cssSelector("form#sign-on")).isEmpty();
            });
            driver.switchTo().defaultContent();
            assertThat(driver.getCurrentUrl()).isEqualTo(partner.url());
        }
    }
}
