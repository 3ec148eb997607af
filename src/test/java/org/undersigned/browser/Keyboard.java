package org.undersigned.browser;

import java.time.Duration;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person at the keyboard: Tab to move, type, Space to tick, Enter to press or follow. */
final class Keyboard {
    private static final int MOST_TABS = 120;
    private final ChromeDriver driver;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Presses Tab until the element matching the selector has focus; fails if it is never reached. */
    Keyboard tabTo(String cssSelector) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (focusedMatches(cssSelector)) return this;
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + cssSelector + "; focus is on " + describeFocus());
    }

    /** Presses Shift+Tab until the element matching the selector has focus. */
    Keyboard backTo(String cssSelector) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (focusedMatches(cssSelector)) return this;
            new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        throw new AssertionError("Shift+Tab never reached " + cssSelector + "; focus is on " + describeFocus());
    }

    Keyboard type(CharSequence text) {
        new Actions(driver).sendKeys(text).perform();
        return this;
    }

    Keyboard press(Keys key) {
        new Actions(driver).sendKeys(key).perform();
        return this;
    }

    /**
     * Presses Enter where it opens another page (sends a form, follows a link) and waits until that
     * page has loaded, so the next step never acts on the page being left.
     */
    Keyboard enterAndLoad() {
        driver.executeScript("document.documentElement.setAttribute('data-leaving', '')");
        press(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-leaving')")));
        return this;
    }

    /** Tabs to a field and types into it. */
    Keyboard fill(String cssSelector, String text) {
        return tabTo(cssSelector).type(text);
    }

    /** Tabs to a checkbox and ticks it with the space bar. */
    Keyboard tick(String cssSelector) {
        tabTo(cssSelector).press(Keys.SPACE);
        if (!Boolean.TRUE.equals(driver.executeScript("return document.activeElement.checked"))) {
            throw new AssertionError("space did not tick " + cssSelector);
        }
        return this;
    }

    /** Whether focus lands on the element within two seconds (autofocus happens as the page is first drawn). */
    boolean focusLandsOn(String cssSelector) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(2)).until(d -> focusedMatches(cssSelector));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    boolean focusedMatches(String cssSelector) {
        return Boolean.TRUE.equals(driver.executeScript(
                "const a = document.activeElement; return a !== null && a.matches(arguments[0])", cssSelector));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    String describeFocus() {
        return String.valueOf(driver.executeScript(
                "const a = document.activeElement; return a ? a.outerHTML.slice(0, 160) : 'nothing'"));
    }
}
