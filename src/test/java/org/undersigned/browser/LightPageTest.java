package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** A statement with 1,000 signatories stays light, and reads and signs in a browser with JavaScript off. */
// what the browser shows and weighs does not depend on the database: SigningTest drives a browser on both
@Tag("sqlite")
class LightPageTest extends AppTest {
    private static final List<String> COUNTRIES = List.of("BE", "FR", "DE", "IT", "ES", "NL", "PL", "AT", "SE", "IE", "PT", "GR");
    @RegisterExtension
    static final Chromium chromium = Chromium.withoutJavaScript();
    private ChromeDriver driver;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
    }

    @Test
    void a_statement_with_1000_signatories_weighs_under_100_kb_compressed_and_carries_only_the_list_search_and_referral_scripts() throws IOException {
        withSignatories("crowded", 1000);
        Page page = app.browser.get("/statements/crowded");

        assertThat(page.document().select("#signatories li")).hasSize(1000);
        assertThat(page.text()).contains("1,000 organisations have signed");
        // small same-origin files: one filters the list as one types, one notes where the signer came from; nothing inline,
        // nothing from elsewhere, nothing needed to sign
        assertThat(page.document().select("script").eachAttr("src")).containsExactly("/statement-search.js", "/referral.js");
        assertThat(page.document().select("script:not([src])")).isEmpty();
        int compressed = gzipped(page.body().getBytes(StandardCharsets.UTF_8));
        System.out.printf("statement page with 1,000 signatories: %,d bytes, %,d gzipped%n", page.body().length(), compressed);
        assertThat(compressed).isLessThan(100 * 1024);
    }

    @Test
    void the_statement_is_read_and_signed_with_javascript_switched_off() {
        driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(
                "<title>off</title><script>document.title = 'on'</script>", StandardCharsets.UTF_8));
        assertThat(driver.getTitle()).as("JavaScript is switched off in this browser").isEqualTo("off");
        withSignatories("crowded", 1000);

        driver.get(app.url("/statements/crowded"));
        assertThat(driver.findElements(By.cssSelector("#signatories li"))).hasSize(1000);
        Keyboard keys = new Keyboard(driver);
        keys.fill("#organisation", "Scriptless Solidarity")
                .tabTo("#country").type("Portugal")
                .tabTo("#org_type").type("Trade")
                .fill("#contact_name", "Rui Costa")
                .fill("#email", "rui@scriptless.example.org")
                .tabTo("#consent_publish").press(Keys.SPACE)
                .tabTo("#sign-on button[type=submit]").enterAndLoad();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");

        driver.get(mailbox.nth("rui@scriptless.example.org", 1).linkTo("/confirm/"));
        keys.tabTo("form[action^='/confirm/'] button").enterAndLoad();
        driver.get(app.url("/statements/crowded"));
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("1,001 organisations have signed");
        assertThat(driver.findElement(By.id("signatories")).getText()).contains("Scriptless Solidarity");
    }

    /** A statement signed and confirmed once through the form, then by made-up organisations with varied names. */
    private void withSignatories(String slug, int count) {
        app.statement(slug, "A crowded statement", "We, the undersigned, *agree*.", "open");
        SignOnForm.sign(app.browser, "/statements/" + slug, "First Signatory", "BE", "first@example.org");
        confirm(mailbox.nth("first@example.org", 1));
        Random random = new Random(7);
        app.db().useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO signatures (petition_id, status, email, email_key, organisation, org_type, website, contact_name,
                                            country, locale, consent_hash, created_at, confirmed_at)
                    SELECT petition_id, 'confirmed', :email, :email, :organisation, org_type, :website, contact_name,
                           :country, locale, consent_hash, created_at, confirmed_at
                    FROM signatures WHERE email = 'first@example.org'""");
            for (int i = 1; i < count; i++) {
                String name = word(random) + " " + word(random) + " " + word(random);
                batch.bind("email", "org" + i + "@example.org").bind("organisation", name)
                        .bind("website", "https://www." + name.replace(" ", "-").toLowerCase() + ".org")
                        .bind("country", COUNTRIES.get(random.nextInt(COUNTRIES.size()))).add();
            }
            batch.execute();
        });
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0, length = 3 + random.nextInt(8); i < length; i++) word.append((char) ('a' + random.nextInt(26)));
        return word.toString();
    }

    private static int gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }
}
