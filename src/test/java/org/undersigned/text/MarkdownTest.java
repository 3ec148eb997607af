package org.undersigned.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Links and images in a statement's text lead to web pages, mail addresses or this site; nothing else. */
class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @ParameterizedTest
    @ValueSource(strings = {
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](DATA:text/html,<script>alert(1)</script>)",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](<\u0001javascript:alert(1)>)",
            "[x]( javascript:alert(1) )",
            "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;&#x61;vascript&colon;alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](java&#10;script:alert(1))",
            "<data:text/html,hello>",
            "<javascript:alert(1)>",
            "[x][ref]\n\n[ref]: data:text/html,hello",
            "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
            "![x](javascript:alert(1))",
            "[![x](data:image/png;base64,AAAA)](data:text/html,hi)",
            "[x](file:///etc/passwd)",
            "[x](blob:https://example.org/1)",
            "[x](ftp://example.org/)",
            "![x](mailto:someone@example.org)",
    })
    void other_schemes_are_dropped_from_links_and_images(String source) {
        Document html = Jsoup.parseBodyFragment(markdown.toHtml(source));
        List<String> targets = html.select("[href], [src]").stream().map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src")).toList();
        for (String target : targets) {
            // as a browser reads it: tabs, line breaks and other controls dropped, case folded
            String read = target.replaceAll("[\\x00-\\x20]", "").toLowerCase();
            assertThat(read).as(source).isEmpty();
        }
    }

    @Test
    void web_pages_mail_addresses_and_this_sites_pages_are_linked() {
        Document html = Jsoup.parseBodyFragment(markdown.toHtml("""
                [a](https://example.org/a) [b](HTTP://example.org/b) [c](mailto:info@example.org) [d](/statements/x)
                [e](#signatories) [f](../campaigns/y?lang=fr) [g](page:colon) ![h](/logo.png) ![i](https://example.org/i.png)"""));
        assertThat(html.select("a").eachAttr("href")).containsExactly("https://example.org/a", "HTTP://example.org/b",
                "mailto:info@example.org", "/statements/x", "#signatories", "../campaigns/y?lang=fr", "");
        assertThat(html.select("img").eachAttr("src")).containsExactly("/logo.png", "https://example.org/i.png");
    }
}
