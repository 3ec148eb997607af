package org.undersigned.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.support.AppTest;
import org.undersigned.support.SignOnForm;

/**
 * On a phone, a name that wraps keeps its bullet beside its first line, in the public list and in
 * the error summary: read from the pixels Chromium paints left of the item, as an eye would.
 */
// what the browser paints does not depend on the database: SigningTest drives a browser on both
@Tag("sqlite")
class WrappedBulletsTest extends AppTest {
    private static final String LONG_NAME = "Federación Estatal de Asociaciones de Personas Migrantes y Refugiadas del Mediterráneo Occidental";
    @RegisterExtension
    static final Chromium chromium = Chromium.withJavaScript();
    private ChromeDriver driver;
    private Screens screens;

    @BeforeEach
    void browser() {
        driver = chromium.driver();
        screens = new Screens(driver);
    }

    @Test
    void a_long_organisation_name_keeps_its_bullet_on_its_first_line_in_the_public_list() {
        String statement = app.statement("bullets", "Bullets", "Text", "open");
        SignOnForm.sign(app.browser, statement, LONG_NAME, "ES", "long@example.org");
        confirm(mailbox.nth("long@example.org", 1));
        SignOnForm.sign(app.browser, statement, "Short Org", "ES", "short@example.org");
        confirm(mailbox.nth("short@example.org", 1));

        screens.phone();
        driver.get(app.url(statement + "#signatories"));
        screens.saveFromTo(Screens.SCREENSHOTS.resolve("bullets-list-phone.png"), "#signatories", "#signatories li", 16);
        assertThat(driver.findElements(By.cssSelector("#signatories li a")).stream().map(e -> e.getText()).toList())
                .contains(LONG_NAME);
        assertThat(lines("#signatories li:has(a[href*='federaci'])")).as("the long name wraps at 390 px").isGreaterThan(1);
        assertBulletOnFirstLine("#signatories li:has(a[href*='federaci'])");
        assertBulletOnFirstLine("#signatories li:has(a[href*='shortorg'])");
    }

    @Test
    void an_error_that_wraps_keeps_its_bullet_on_its_first_line_in_the_error_summary() {
        String statement = app.statement("errors", "Errors", "Text", "open");
        screens.phone();
        driver.get(app.url(statement));
        driver.findElement(By.cssSelector("#sign-on button[type=submit]")).click();
        screens.saveFromTo(Screens.SCREENSHOTS.resolve("bullets-error-summary-phone.png"), "#error-summary", "#error-summary li", 16);
        int items = driver.findElements(By.cssSelector("#error-summary li")).size();
        List<Long> lines = java.util.stream.IntStream.rangeClosed(1, items)
                .mapToObj(i -> lines("#error-summary li:nth-child(" + i + ")")).toList();
        assertThat(lines).as("at 390 px some messages take two lines").anyMatch(n -> n > 1);
        for (int i = 1; i <= items; i++) assertBulletOnFirstLine("#error-summary li:nth-child(" + i + ")");
    }

    /** How many lines the item's link text takes. */
    private long lines(String item) {
        return (Long) driver.executeScript("""
                const range = document.createRange(); range.selectNodeContents(document.querySelector(arguments[0] + ' a'));
                return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;""", item);
    }

    /** The dark pixels painted left of the item's link (its bullet, outside the item or inside it) lie within the height of the first line of its text. */
    @SuppressWarnings("unchecked")
    private void assertBulletOnFirstLine(String item) {
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("""
                const li = document.querySelector(arguments[0]), ul = li.parentElement;
                li.scrollIntoView({block: 'center'});
                const range = document.createRange(); range.selectNodeContents(li.querySelector('a'));
                const first = range.getClientRects()[0], item = li.getBoundingClientRect(), list = ul.getBoundingClientRect();
                return {left: list.left + window.scrollX, right: Math.max(item.left, first.left) + window.scrollX, top: item.top + window.scrollY,
                        bottom: item.bottom + window.scrollY, lineTop: first.top + window.scrollY, lineBottom: first.bottom + window.scrollY};""",
                item);
        double left = number(box, "left"), right = number(box, "right"), top = number(box, "top"), bottom = number(box, "bottom");
        BufferedImage gutter = shot(left, top, right - left, bottom - top);
        int firstDark = -1, lastDark = -1;
        for (int y = 0; y < gutter.getHeight(); y++) {
            for (int x = 0; x < gutter.getWidth(); x++) {
                int rgb = gutter.getRGB(x, y);
                int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (luminance < 110) {
                    if (firstDark < 0) firstDark = y;
                    lastDark = y;
                }
            }
        }
        assertThat(firstDark).as("a bullet is painted beside %s", item).isNotNegative();
        double bulletTop = top + firstDark, bulletBottom = top + lastDark;
        assertThat(bulletTop).as("bullet of %s starts within its first line", item).isGreaterThanOrEqualTo(number(box, "lineTop") - 1);
        assertThat(bulletBottom).as("bullet of %s ends within its first line", item).isLessThanOrEqualTo(number(box, "lineBottom") + 1);
    }

    private BufferedImage shot(double x, double y, double width, double height) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1)));
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) shot.get("data"))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
