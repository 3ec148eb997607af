package org.undersigned.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (from the classpath, never a CDN) run in the page with the WCAG 2.0, 2.1 and 2.2 A and AA
 * rules; answers one line per violation: rule, impact, what it means and where.
 */
final class Axe {
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                               resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '')).join('; '))))
              .catch(e => done(['axe could not run: ' + e]));
            """;
    private final String source;

    Axe() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations on the page the browser shows now. */
    @SuppressWarnings("unchecked")
    List<String> violations(JavascriptExecutor browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof axe !== 'undefined'"))) {
            browser.executeScript(source);
        }
        return (List<String>) browser.executeAsyncScript(RUN);
    }
}
