package org.undersigned.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

class PublicPagesTest extends AppTest {

    @Test
    void an_unchanged_page_answers_304_and_a_confirmation_changes_it_at_once() {
        String statement = app.statement("cached");
        SignOnForm.sign(app.browser, statement, "First Listed", "BE", "first@example.org");
        confirm(mailbox.nth("first@example.org", 1));
        Page first = app.browser.get(statement);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(app.browser.send(app.browser.request(statement).header("If-None-Match", etag).GET()).status()).isEqualTo(304);

        SignOnForm.sign(app.browser, statement, "Still Pending", "FR", "pending@example.org");
        assertThat(app.browser.get(statement).header("ETag")).as("a pending sign-on shows nowhere, so the page stays").isEqualTo(etag);

        confirm(mailbox.nth("pending@example.org", 1));
        Page after = app.browser.get(statement);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(after.document().select("#signatories li").eachText()).contains("First Listed", "Still Pending");
        assertThat(app.browser.send(app.browser.request(statement).header("If-None-Match", etag).GET()).status()).isEqualTo(200);
        assertThat(app.browser.get("/api/v1/statements/cached").body()).contains("Still Pending");
    }

    @Test
    void an_edit_shows_at_once_and_the_page_comes_gzipped_when_asked() throws IOException {
        String statement = app.statement("edited");
        assertThat(app.browser.get(statement).h1()).isNotEqualTo("A new title");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET title = 'A new title' WHERE slug = 'edited'"));
        HttpResponse<byte[]> zipped = app.browser.raw(app.browser.request(statement).header("Accept-Encoding", "gzip").GET());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("A new title");
    }
}
