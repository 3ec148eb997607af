package org.undersigned.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** Screen sizes by Chrome DevTools emulation, full-page screenshots, and the reflow check. */
final class Screens {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final ChromeDriver driver;

    Screens(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The page laid out for a viewport of this many CSS pixels; a phone also gets touch-style metrics. */
    Screens viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    Screens phone() {
        return viewport(390, 844, true);
    }

    Screens desktop() {
        return viewport(1280, 900, false);
    }

    /** Saves target/screenshots/NAME-phone.png and NAME-desktop.png of the whole page, and leaves the desktop size. */
    void capture(String name) {
        phone();
        save(name + "-phone");
        desktop();
        save(name + "-desktop");
    }

    @SuppressWarnings("unchecked")
    void save(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 12_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
    long horizontalOverflow() {
        return (Long) driver.executeScript(
                "const e = document.scrollingElement; return Math.max(0, e.scrollWidth - e.clientWidth);");
    }
}
