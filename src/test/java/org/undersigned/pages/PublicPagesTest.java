package org.undersigned.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
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

    @Test
    void a_crowd_arriving_at_a_big_page_gets_it_from_one_render_and_a_crowd_after_a_change_from_one_more() {
        String statement = app.statement("crowded");
        signatories("crowded", 1, 3000);
        long rendersBefore = renders();

        List<HttpResponse<String>> first = crowd(statement, 32);

        assertThat(first).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Crowd Org 1", "Crowd Org 3000");
        });
        assertThat(first.stream().map(a -> a.headers().firstValue("ETag").orElseThrow()).distinct()).hasSize(1);
        assertThat(renders() - rendersBefore).as("pages rendered for 32 readers arriving together").isEqualTo(1);

        signatories("crowded", 3001, 3100);
        List<HttpResponse<String>> second = crowd(statement, 32);

        // each reader gets the new page, or the page as it was while another reader rendered the new one
        assertThat(second).allSatisfy(answer -> assertThat(answer.body()).contains("Crowd Org 3000"));
        assertThat(second.stream().map(a -> a.headers().firstValue("ETag").orElseThrow()).distinct().count()).isBetween(1L, 2L);
        assertThat(renders() - rendersBefore).as("one more render for the change").isEqualTo(2);
        assertThat(app.browser.get(statement).body()).contains("Crowd Org 3100");
    }

    /** Confirmed organisations written straight into the database, as an import would. */
    private void signatories(String slug, int from, int to) {
        app.db().useHandle(h -> {
            h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('" + "0".repeat(64) + "', 'en', 'test', 0) ON CONFLICT DO NOTHING");
            h.execute("""
                    WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO signatures (petition_id, petition_version, status, email, email_key, organisation, org_type, contact_name,
                                            country, locale, consent_hash, created_at, confirmed_at)
                    SELECT p.id, 1, 'confirmed', 'crowd-' || i || '@example.org', 'crowd-' || i || '@example.org', 'Crowd Org ' || i,
                           'ngo', 'Contact', 'FR', 'en', ?, 1700000000000 + i, 1700000000000 + i
                    FROM n, petitions p WHERE p.slug = ?""", from, to, "0".repeat(64), slug);
        });
    }

    /** Readers asking for the page at the same moment, each on a connection of its own. */
    private List<HttpResponse<String>> crowd(String path, int readers) {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> asked = IntStream.range(0, readers)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(java.net.URI.create(app.url(path))).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        return asked.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void a_click_id_in_a_shared_link_gets_the_same_page_from_memory() {
        String statement = app.statement("shared");
        String etag = app.browser.get(statement).header("ETag");
        long rendersBefore = renders();

        Page fromFacebook = app.browser.get(statement + "?fbclid=IwAR0abc123");
        Page fromNewsletter = app.browser.get(statement + "?utm_source=newsletter&utm_campaign=launch");

        assertThat(fromFacebook.status()).isEqualTo(200);
        assertThat(fromFacebook.header("ETag")).isEqualTo(etag);
        assertThat(fromNewsletter.header("ETag")).isEqualTo(etag);
        assertThat(renders()).isEqualTo(rendersBefore);
        assertThat(app.browser.get(statement + "?lang=fr").document().select("html").attr("lang")).isEqualTo("fr");
    }

    private long renders() {
        String metrics = app.browser.get("/metrics").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^undersigned_page_renders_total ([0-9.eE+]+)$").matcher(metrics);
        assertThat(m.find()).as("the renders counter is on /metrics").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
