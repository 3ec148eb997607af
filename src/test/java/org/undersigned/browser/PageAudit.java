package org.undersigned.browser;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a reviewer checks on each page: axe's WCAG 2.2 A/AA rules, targets of at least 24 by 24 CSS
 * pixels, no sideways scrolling at 320 px wide nor at 200 % zoom of a 1280 px window; and a
 * screenshot at phone and desktop widths. Problems are collected, so one run names them all.
 */
final class PageAudit {
    /** Undersized visible targets; a link inside a sentence is exempt (WCAG 2.5.8, inline). */
    private static final String SMALL_TARGETS = """
            const out = [];
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.value || el.name || '').trim().slice(0, 40) + '"';
            for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden=true]')) continue;
              if (r.right <= 0 || r.bottom <= 0) continue;
              if (el.tagName === 'A' && style.display === 'inline') {
                const block = el.parentElement.closest('p, li, td, dd, figcaption, label, div');
                if (block && block.textContent.replace(/\\s+/g, ' ').trim().length > el.textContent.replace(/\\s+/g, ' ').trim().length + 1) continue;
              }
              if (r.width < 24 || r.height < 24) out.push(name(el) + ' is ' + r.width.toFixed(1) + ' x ' + r.height.toFixed(1));
            }
            return out;""";
    private final ChromeDriver driver;
    private final Axe axe;
    private final Screens screens;
    private final List<String> problems = new ArrayList<>();

    PageAudit(ChromeDriver driver, Axe axe) {
        this.driver = driver;
        this.axe = axe;
        this.screens = new Screens(driver);
    }

    /** Audits the page the browser shows now, saving screenshots under the name. */
    PageAudit check(String name) {
        inspect(name);
        screens.capture(name);
        return this;
    }

    /** Audits the page the browser shows now, without screenshots. */
    @SuppressWarnings("unchecked")
    PageAudit inspect(String name) {
        screens.desktop();
        axe.violations(driver).forEach(v -> problems.add(name + ": " + v));
        ((List<String>) driver.executeScript(SMALL_TARGETS)).forEach(t -> problems.add(name + ": target " + t));
        reflow(name, 320, 640, "at 320 px wide");
        reflow(name, 640, 450, "at 200 % zoom");
        screens.phone();
        axe.violations(driver).forEach(v -> problems.add(name + " (phone): " + v));
        screens.desktop();
        return this;
    }

    private void reflow(String name, int width, int height, String when) {
        screens.viewport(width, height, false);
        long overflow = screens.horizontalOverflow();
        if (overflow > 0) problems.add(name + ": scrolls sideways by " + overflow + " px " + when + widest());
    }

    private String widest() {
        return " (widest: " + driver.executeScript("""
                const w = document.scrollingElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                  .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(', ');""") + ")";
    }

    List<String> problems() {
        return problems;
    }
}
