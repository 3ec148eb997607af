package org.undersigned.text;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown to HTML for statement texts. Raw HTML in the source is escaped, not passed through;
 * links lead to http(s), mailto or relative addresses and images to http(s) or relative ones,
 * any other target is emptied (commonmark's own list also lets data: through, a whole page).
 */
public final class Markdown {
    private static final UrlSanitizer TARGETS = new UrlSanitizer() {
        private final DefaultUrlSanitizer links = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));
        private final DefaultUrlSanitizer images = new DefaultUrlSanitizer(List.of("http", "https"));

        @Override
        public String sanitizeLinkUrl(String url) {
            return links.sanitizeLinkUrl(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return images.sanitizeImageUrl(url);
        }
    };
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(TARGETS)
            .build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
