package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undersigned.support.TestApp;

/**
 * The language switcher links to the page it is on, by its path alone: a request path that a
 * browser would read as another site's address (//host, /\host) leads nowhere else. (The pages do
 * not depend on the database.)
 */
@Tag("sqlite")
class LanguageLinksTest {
    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(TestApp.config(dir, null));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "/\\evil.example/x", "/\\/evil.example", "//evil.example", "///evil.example/x",
            "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%09/evil.example", "/.//evil.example",
            "//evil.example/statements/x", "/statements//evil.example"})
    void no_link_on_the_page_leads_to_another_site(String path) throws IOException {
        String response = rawGet(path);
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(path).isIn(400, 404);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        Document page = Jsoup.parse(body);
        List<String> targets = page.select("[href], [src], [action]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("action")).toList();
        for (String target : targets) {
            // as a browser reads a link: tabs and newlines are dropped, a backslash is a slash
            String read = target.replaceAll("[\\t\\n\\r]", "").replace('\\', '/').strip();
            assertThat(read).as("a link on the page for " + path).doesNotStartWith("//")
                    .satisfiesAnyOf(t -> assertThat(t).startsWith("/"), t -> assertThat(t).startsWith("http://localhost:"),
                            t -> assertThat(t).startsWith("#"));
        }
        if (status == 404) {
            List<String> switcher = page.select("a[hreflang]").eachAttr("href");
            assertThat(switcher).as("the language switcher is there").isNotEmpty().allSatisfy(href -> assertThat(href).matches("/[^/\\\\].*"));
        }
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", app.config.web().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
