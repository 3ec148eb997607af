package org.undersigned.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium per test class, driven through chromedriver.
 *
 * <p>Without chromium or chromedriver on the machine the tests are skipped with a message saying so,
 * unless {@code BROWSER_TESTS=required} (environment) or {@code -Dbrowser.tests=required} asks for
 * them, as CI does: then their absence fails the build.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final boolean javaScript;
    private ChromeDriver driver;
    private Path downloads;
    private String skipped;

    private Chromium(boolean javaScript) {
        this.javaScript = javaScript;
    }

    public static Chromium withJavaScript() {
        return new Chromium(true);
    }

    public static Chromium withoutJavaScript() {
        return new Chromium(false);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Where Chromium saves what it downloads; emptied before each test. */
    public Path downloads() {
        return downloads;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Optional<Path> binary = find("CHROMIUM_BINARY", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = find("CHROMEDRIVER", "chromedriver");
        if (binary.isEmpty() || chromedriver.isEmpty()) {
            String missing = (binary.isEmpty() ? "chromium " : "") + (chromedriver.isEmpty() ? "chromedriver" : "");
            String message = "Browser tests SKIPPED: " + missing.trim() + " not found (apt-get install chromium chromium-driver, "
                    + "or set CHROMIUM_BINARY / CHROMEDRIVER)";
            if (required()) throw new IllegalStateException(message.replace("SKIPPED", "REQUIRED (BROWSER_TESTS=required)"));
            System.err.println("*** " + message + " [" + context.getDisplayName() + "]");
            skipped = message;
            return;
        }
        downloads = Files.createTempDirectory("undersigned-downloads");
        driver = start(binary.get(), chromedriver.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Assumptions.assumeTrue(skipped == null, skipped);
        driver.manage().deleteAllCookies();
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) Files.delete(file);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) driver.quit();
        if (downloads != null) {
            try (Stream<Path> files = Files.list(downloads)) {
                for (Path file : files.toList()) Files.delete(file);
            }
            Files.delete(downloads);
        }
    }

    private ChromeDriver start(Path binary, Path chromedriver) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-extensions", "--window-size=1280,900", "--lang=en",
                "--force-device-scale-factor=1", "--hide-scrollbars");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "en");
        if (!javaScript) prefs.put("profile.managed_default_content_settings.javascript", 2);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return chrome;
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getenv("BROWSER_TESTS"))
                || "required".equalsIgnoreCase(System.getProperty("browser.tests"));
    }

    /** The file named by the environment variable, else the first of the names found on the PATH. */
    private static Optional<Path> find(String variable, String... names) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) return Optional.of(Path.of(set)).filter(Files::isExecutable);
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String name : names) {
            for (String dir : List.of(path.split(File.pathSeparator))) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
