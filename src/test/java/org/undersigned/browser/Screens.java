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

    void save(String name) {
        saveTo(SCREENSHOTS.resolve(name + ".png"), 12_000);
    }

    /** Saves the page from its top, at most this many CSS pixels of it, as a PNG. */
    @SuppressWarnings("unchecked")
    void saveTo(Path file, double maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), maxHeight);
        saveClip(file, 0, width, height);
    }

    /** Saves the page's full width from the top of the element matching the selector to the bottom of the last match. */
    @SuppressWarnings("unchecked")
    void saveFromTo(Path file, String fromSelector, String toSelector, int margin) {
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("""
                const from = document.querySelector(arguments[0]).getBoundingClientRect();
                const all = document.querySelectorAll(arguments[1]);
                const to = all[all.length - 1].getBoundingClientRect();
                return {top: from.top + window.scrollY, bottom: to.bottom + window.scrollY,
                        width: document.documentElement.scrollWidth};""", fromSelector, toSelector);
        double top = Math.max(0, ((Number) box.get("top")).doubleValue() - margin);
        double bottom = ((Number) box.get("bottom")).doubleValue() + margin;
        saveClip(file, top, ((Number) box.get("width")).doubleValue(), bottom - top);
    }

    /** The page as a PNG from its top, at most this many CSS pixels of it. */
    @SuppressWarnings("unchecked")
    byte[] png(double maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double height = Math.min(((Number) size.get("height")).doubleValue(), maxHeight);
        return clip(0, ((Number) size.get("width")).doubleValue(), height);
    }

    private void saveClip(Path file, double top, double width, double height) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, clip(top, width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] clip(double top, double width, double height) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
    long horizontalOverflow() {
        return (Long) driver.executeScript(
                "const e = document.scrollingElement; return Math.max(0, e.scrollWidth - e.clientWidth);");
    }
}
