package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
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
import org.undersigned.support.TestApp;

/**
 * Every public page and the coordinator's main pages, in English, French and Spanish, on a phone
 * (390 px) and a desktop (1280 px): each looks as its committed reference ({@link Looks}) and has no
 * axe violation. The app holds the demo texts and a network's first week of signatures, at fixed
 * dates on a stopped clock, so a page changes only when its code does; signing and logging in are
 * done by keyboard. The README's pictures are cut from the same English captures, written when the
 * references are ({@code -Dvisual.update=true}).
 */
// what the browser shows does not depend on the database: SigningTest drives a browser on both
@Tag("sqlite")
class VisualTest extends AppTest {
    static final Path README_PICTURES = Path.of("docs", "screenshots");
    private static final List<String> LANGUAGES = List.of("en", "fr", "es");
    /** Name, country, type and contact person: a network's first week of signatures. */
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
    /** Who signs in the browser, in each language: an organisation and a supporter. */
    private static final Map<String, List<String>> SIGNERS = Map.of(
            "en", List.of("Lighthouse Food Bank", "GR", "Eleni Papadopoulou", "Grace"),
            "fr", List.of("Cercle Solidaire de Liège", "BE", "Hélène Dubois", "Louis"),
            "es", List.of("Asociación Puerto Abierto", "ES", "Carmen Vidal", "Diego"));
    /** The longest part of a page kept, in CSS pixels: the statement's text, form and the start of its list. */
    private static final int MOST_HEIGHT = 5000;
    @RegisterExtension
    static final Chromium chromium = Chromium.withJavaScript();
    private final Axe axe = new Axe();
    private final Looks looks = new Looks();
    private final List<String> violations = new ArrayList<>();
    private ChromeDriver driver;
    private Screens screens;
    private Keyboard keys;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        screens = new Screens(driver);
        keys = new Keyboard(driver);
    }

    @Test
    void every_page_in_three_languages_on_a_phone_and_a_desktop_looks_as_its_reference_and_passes_axe() throws IOException {
        long start = System.nanoTime();
        app.clock.stopAt(Instant.parse("2026-12-07T08:00:00Z"));
        String statement = publish(app.admin(), "statement", Path.of("data", "demo", "statement.md"), null);
        for (List<String> organisation : ORGANISATIONS) {
            confirm(mailbox.nth(signOnly(statement, organisation), 1));
            app.clock.advance(Duration.ofHours(11));
        }
        signOnly(statement, List.of("Lantern Housing Co-op", "GR", "community", "Nikos Georgiou"));
        // a local campaign's goal, so that a few supporters fill part of the bar
        String campaign = publish(app.admin(), "campaign", Path.of("data", "demo", "campaign.md"), "40");
        for (List<String> supporter : SUPPORTERS) {
            String email = supporter.get(0).toLowerCase().replace("í", "i") + "@example.net";
            SupporterForm.sign(app.browser, campaign, supporter.get(0), supporter.get(1), email);
            confirm(mailbox.nth(email, 1));
            app.clock.advance(Duration.ofMinutes(7));
        }
        System.out.printf("VisualTest: content ready in %.1f s%n", (System.nanoTime() - start) / 1e9);

        for (String lang : LANGUAGES) {
            driver.get(app.url("/?lang=" + lang));
            take("home", lang);
            visit(statement, "statement", lang);
            if (lang.equals("en")) {
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("14 organisations have signed");
            }
            visit(campaign, "campaign", lang);
            visit(statement + "/embed", "statement-embed", lang);
            visit(campaign + "/embed", "campaign-embed", lang);
            visit("/statements/no-such-statement", "not-found", lang);
        }
        for (String lang : LANGUAGES) {
            List<String> signer = SIGNERS.get(lang);
            driver.get(app.url(statement + "?lang=" + lang));
            String email = "office@" + lang + ".example.org";
            keys.fill("#organisation", signer.get(0))
                    .tabTo("#country").type(optionText("#country", signer.get(1)))
                    .tabTo("#org_type").type(optionText("#org_type", "community"))
                    .fill("#contact_name", signer.get(2))
                    .fill("#email", email)
                    .tick("#consent_publish")
                    .tabTo("#sign-on button[type=submit]").enterAndLoad();
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains(email);
            take("statement-check-email", lang);
            driver.get(mailbox.nth(email, 1).linkTo("/confirm/"));
            keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
            take("statement-thank-you", lang);

            String supporter = signer.get(3).toLowerCase() + "@example.net";
            driver.get(app.url(campaign));
            keys.fill("#first_name", signer.get(3)).fill("#last_name", "Okafor").fill("#email", supporter)
                    .tabTo("#country").type(optionText("#country", signer.get(1)))
                    .tick("#consent").tabTo("#sign-on button[type=submit]").enterAndLoad();
            driver.get(mailbox.nth(supporter, 1).linkTo("/confirm/"));
            keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
            take("campaign-thank-you", lang);
        }
        for (String lang : LANGUAGES) {
            driver.manage().deleteAllCookies();
            driver.get(app.url("/admin/login?lang=" + lang));
            take("login", lang);
            keys.fill("#email", TestApp.ADMIN_EMAIL).fill("#password", TestApp.ADMIN_PASSWORD).enterAndLoad();
            take("dashboard", lang);
            visit("/admin" + statement, "signatories", lang);
            if (lang.equals("en") && looks.updating()) {
                List<String> rows = driver.findElements(By.cssSelector("table tbody tr th a")).stream().map(WebElement::getText).toList();
                assertThat(rows).contains("Lantern Housing Co-op").containsAll(ORGANISATIONS.stream().map(o -> o.get(0)).toList());
                screens.saveFromTo(README_PICTURES.resolve("signatory-list.png"), "#list-title", "#moderation", 24);
            }
            visit("/admin/settings", "settings", lang);
        }
        looks.finish();
        System.out.printf("VisualTest: %d pictures in %.1f s%n", looks.taken(), (System.nanoTime() - start) / 1e9);

        assertThat(violations).as("axe's violations").isEmpty();
        assertThat(looks.problems()).as("pages that do not look as their reference; " + Looks.HOW_TO_UPDATE).isEmpty();
    }

    private void visit(String path, String name, String lang) {
        driver.get(app.url(path));
        take(name, lang);
    }

    /**
     * Checks the page the browser shows with axe, and its look, on a phone then a desktop; the README's
     * pictures come from the English statement on a desktop and the campaign on a phone.
     */
    private void take(String page, String lang) {
        // no blinking caret, and the same page whichever field the last step left focused
        driver.executeScript("if (document.activeElement) document.activeElement.blur()");
        // the test app's port changes from run to run: links shown in full show a fixed address instead
        driver.executeScript("""
                const from = arguments[0], to = 'https://act.example.org';
                const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (texts.nextNode()) texts.currentNode.nodeValue = texts.currentNode.nodeValue.replaceAll(from, to);
                for (const field of document.querySelectorAll('input, textarea')) if (field.value.includes(from)) field.value = field.value.replaceAll(from, to);
                """, app.config.web().baseUrl());
        for (boolean phone : List.of(true, false)) {
            if (phone) screens.phone();
            else screens.desktop();
            String name = page + "-" + lang + "-" + (phone ? "phone" : "desktop");
            // the same page in another language or on a phone: the same elements and colours, other words
            // and places; axe takes a second, so it sees each page in each language and in English on a phone
            if (!phone || lang.equals("en")) axe.violations(driver).forEach(v -> violations.add(name + ": " + v));
            byte[] png = screens.png(MOST_HEIGHT);
            BufferedImage screenshot = image(png);
            looks.check(name, screenshot);
            if (looks.updating() && lang.equals("en")) readmePicture(page, phone, png, screenshot);
        }
    }

    private static void readmePicture(String page, boolean phone, byte[] png, BufferedImage screenshot) {
        try {
            if (page.equals("statement") && !phone) {
                Files.write(README_PICTURES.resolve("statement.png"), png);
            } else if (page.equals("campaign") && phone) {
                BufferedImage top = screenshot.getSubimage(0, 0, screenshot.getWidth(), Math.min(1200, screenshot.getHeight()));
                Looks.write(top, README_PICTURES.resolve("campaign-phone.png"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the select's option with this value, as shown in the page's language (what a keyboard user types). */
    private String optionText(String select, String value) {
        return driver.findElement(By.cssSelector(select + " option[value='" + value + "']")).getText();
    }

    /** Publishes a demo file's text through the coordinator's form; returns the public path. */
    private String publish(Browser admin, String kind, Path demoFile, String goal) throws IOException {
        String[] parts = Files.readString(demoFile).split("\n---\n", 2);
        Map<String, String> head = new HashMap<>();
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
        if (goal != null) form.set("goal", goal);
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
}
