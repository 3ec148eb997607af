package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SupporterForm;

/**
 * The README's three pictures, taken from the real app filled with the demo texts and a few
 * signers: the statement page (1280 px wide), the campaign on a phone (390 px) and the
 * coordinator's signatory list (1280 px). Each run writes them to docs/screenshots/ again, so the
 * README shows the pages as they are.
 */
// what the browser shows and weighs does not depend on the database: SigningTest drives a browser on both
@Tag("sqlite")
class ReadmeScreenshotsTest extends AppTest {
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");
    @RegisterExtension
    static final Chromium chromium = Chromium.withJavaScript();
    /** Name, country, type and contact person: a network's first day of signatures. */
    private static final List<List<String>> ORGANISATIONS = List.of(
            List.of("Red Kite Collective", "BE", "migrant_led", "Ana Moreau"),
            List.of("Harbour Legal Aid", "IE", "legal_aid", "Siobhán Byrne"),
            List.of("Casa de los Puentes", "ES", "community", "Lucía Ortega"),
            List.of("Open Door Shelter Network", "NL", "network", "Femke de Vries"),
            List.of("Union of Care Workers", "DE", "trade_union", "Jonas Weber"),
            List.of("Youth Without Papers", "BE", "community", "Samir El Amrani"),
            List.of("Valle Verde Parish Outreach", "IT", "faith_based", "Chiara Russo"),
            List.of("Maison des Droits", "FR", "legal_aid", "Julien Bernard"),
            List.of("Nordic Clinic Without Borders", "SE", "ngo", "Erik Lindqvist"),
            List.of("Red Solidaria del Sur", "ES", "network", "Javier Molina"),
            List.of("Centre for Mobility Research", "PL", "research", "Tomasz Nowak"),
            List.of("Kreuzberg Welcome Circle", "DE", "community", "Miriam Schulz"),
            List.of("Women Across Borders", "AT", "migrant_led", "Amina Hassan"),
            List.of("Collectif Accueil Lyon", "FR", "community", "Camille Martin"));
    private static final List<List<String>> SUPPORTERS = List.of(
            List.of("Noor", "NL"), List.of("Lucía", "ES"), List.of("Tomasz", "PL"), List.of("Amina", "BE"),
            List.of("Jonas", "DE"), List.of("Chiara", "IT"), List.of("Sean", "IE"), List.of("Camille", "FR"),
            List.of("Erik", "SE"), List.of("Fatou", "FR"), List.of("Marta", "ES"), List.of("Lena", "DE"),
            List.of("Yusuf", "NL"), List.of("Ana", "PT"), List.of("Pieter", "BE"), List.of("Sofia", "IT"));
    private ChromeDriver driver;
    private Screens screens;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        screens = new Screens(driver);
    }

    @Test
    void the_readme_screenshots_show_a_signed_statement_a_campaign_on_a_phone_and_the_signatory_list() throws IOException {
        // the same dates in every run, so that the committed pictures change only when the pages do
        app.clock.advance(Duration.between(java.time.Instant.now(), java.time.Instant.parse("2026-12-07T08:00:00Z")));
        String statement = publish(app.admin(), "statement", Path.of("data", "demo", "statement.md"));
        for (List<String> organisation : ORGANISATIONS) {
            confirm(mailbox.nth(signOnly(statement, organisation), 1));
            app.clock.advance(Duration.ofHours(11));
        }
        signOnly(statement, List.of("Lighthouse Food Bank", "GR", "community", "Eleni Papadopoulou"));
        // a local campaign's goal, so that a few supporters fill part of the bar
        String campaign = publish(app.admin(), "campaign", Path.of("data", "demo", "campaign.md"), "40");
        for (List<String> supporter : SUPPORTERS) {
            String email = supporter.get(0).toLowerCase().replace("í", "i") + "@example.net";
            SupporterForm.sign(app.browser, campaign, supporter.get(0), supporter.get(1), email);
            confirm(mailbox.nth(email, 1));
        }

        screens.desktop();
        driver.get(app.url(statement));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("14 organisations have signed");
        assertThat(driver.findElements(By.cssSelector("#signatories li")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrderElementsOf(ORGANISATIONS.stream().map(o -> o.get(0)).toList());
        screens.saveTo(SCREENSHOTS.resolve("statement.png"), 12000);

        screens.phone();
        driver.get(app.url(campaign));
        assertThat(driver.findElement(By.cssSelector(".counter")).getText()).startsWith("16 ");
        screens.saveTo(SCREENSHOTS.resolve("campaign-phone.png"), 1200);

        screens.desktop();
        logIn();
        driver.get(app.url("/admin" + statement));
        List<String> rows = driver.findElements(By.cssSelector("table tbody tr th a")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(ORGANISATIONS.size() + 1).contains("Lighthouse Food Bank")
                .containsAll(ORGANISATIONS.stream().map(o -> o.get(0)).toList());
        screens.saveFromTo(SCREENSHOTS.resolve("signatory-list.png"), "#list-title", "#moderation", 24);

        for (String name : List.of("statement.png", "campaign-phone.png", "signatory-list.png")) {
            assertThat(SCREENSHOTS.resolve(name)).as(name).isNotEmptyFile();
        }
    }

    /** Publishes a demo file's text through the coordinator's form; returns the public path. */
    private String publish(Browser admin, String kind, Path demoFile) throws IOException {
        return publish(admin, kind, demoFile, null);
    }

    private String publish(Browser admin, String kind, Path demoFile, String goal) throws IOException {
        String[] parts = Files.readString(demoFile).split("\n---\n", 2);
        Map<String, String> head = new java.util.HashMap<>();
        for (String line : parts[0].split("\n")) {
            String[] kv = line.split(": ", 2);
            if (kv.length == 2) head.put(kv[0].trim(), kv[1].trim());
        }
        String body = parts[1].replaceAll("\n\\*This is demonstration content.*\\*\n?", "\n").strip();
        var form = admin.get("/admin/" + kind + "s/new").form("form[action=/admin/" + kind + "s]")
                .set("title", head.get("title"))
                .set("slug", head.get("slug"))
                .set("summary", head.get("summary"))
                .set("body", body)
                .set("status", "open");
        if (kind.equals("campaign")) form.set("goal", goal);
        Page created = form.submit();
        assertThat(created.status()).as(created.text()).isEqualTo(303);
        return "/" + kind + "s/" + head.get("slug");
    }

    /** Signs the statement for the organisation (name, country, type, contact); returns the address its mail goes to. */
    private String signOnly(String statement, List<String> organisation) {
        String domain = organisation.get(0).toLowerCase().replaceAll("[^a-z]+", "");
        String email = "office@" + domain + ".example.org";
        Page answer = app.browser.get(statement).form("form#sign-on")
                .set("organisation", organisation.get(0))
                .set("country", organisation.get(1))
                .set("org_type", organisation.get(2))
                .set("website", "https://" + domain + ".example.org")
                .set("contact_name", organisation.get(3))
                .set("email", email)
                .tick("consent_publish")
                .submit();
        assertThat(answer.h1()).isEqualTo("Check your email");
        return email;
    }

    private void logIn() {
        driver.get(app.url("/admin/login"));
        driver.findElement(By.id("email")).sendKeys(org.undersigned.support.TestApp.ADMIN_EMAIL);
        driver.findElement(By.id("password")).sendKeys(org.undersigned.support.TestApp.ADMIN_PASSWORD);
        // the next page, not the login page being left: the mark set here is gone once it has loaded
        driver.executeScript("document.documentElement.setAttribute('data-leaving', '')");
        driver.findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-leaving')")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    }
}
