package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** A petition's numbers over its whole life: where its sign-ons came from, how many confirmed, by day and by country. */
class NumbersTest extends AppTest {

    @Test
    void sources_confirmation_rate_and_days_older_than_thirty_are_counted_and_no_address_is_stored() {
        String path = app.statement("counted");
        Page page = app.browser.get(path + "?utm_source=newsletter");
        assertThat(page.document().select("form#sign-on input[type=hidden][name=referral]")).hasSize(1);
        assertThat(page.document().select("script[src=/referral.js]")).hasSize(1);
        // what the page's script puts in the hidden field from ?utm_source=newsletter
        SignOnForm.filled(page, "Letter Org", "BE", "letter@example.org").set("referral", "newsletter").submit();
        // without the script: the post's own Referer, the page with its query
        post(SignOnForm.filled(app.browser.get(path), "Scriptless Org", "FR", "scriptless@example.org").fields(),
                app.url(path + "?utm_source=newsletter"));
        // from another site: its domain only
        post(SignOnForm.filled(app.browser.get(path), "Linked Org", "FR", "linked@example.org").fields(),
                "https://www.example.org/a/b?c=d");
        SignOnForm.sign(app.browser, path, "Direct Org", "DE", "direct@example.org");
        assertThat(app.db().<List<String>, RuntimeException>withHandle(h -> h.createQuery(
                "SELECT COALESCE(referral, '-') FROM signatures ORDER BY id").mapTo(String.class).list()))
                .containsExactly("newsletter", "newsletter", "example.org", "-");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE referral LIKE '%/%' OR referral LIKE '%?%'")).isZero();

        confirm(mailbox.nth("letter@example.org", 1));
        // a confirmed one (retention clears unconfirmed sign-ons that old)
        app.db().useHandle(h -> h.execute("UPDATE signatures SET created_at = created_at - ? WHERE organisation = 'Letter Org'",
                90 * Numbers.DAY_MILLIS));
        LocalDate longAgo = LocalDate.ofInstant(app.clock.instant(), ZoneOffset.UTC).minusDays(90);

        Page numbers = app.admin().get("/admin/statements/counted/numbers");
        assertThat(numbers.status()).isEqualTo(200);
        assertThat(rows(numbers, "#numbers-referral")).containsExactly("newsletter 2 1 50 %", "example.org 1 0 0 %",
                "Direct or unknown 1 0 0 %");
        assertThat(numbers.document().selectFirst("[data-rate]").attr("data-rate")).isEqualTo("25");
        assertThat(rows(numbers, "#numbers-days")).as("the whole life, not only 30 days").contains(longAgo + " 1 1");
        assertThat(rows(numbers, "#numbers-country")).containsExactly("France 2 0 0 %", "Belgium 1 1 100 %", "Germany 1 0 0 %");
        assertThat(numbers.document().select("figcaption").text()).contains(longAgo.toString());
    }

    private Page post(java.util.Map<String, List<String>> fields, String referer) {
        return app.browser.send(app.browser.request("/statements/counted/signatures").header("Referer", referer)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.encode(fields))));
    }

    private static List<String> rows(Page page, String table) {
        return page.document().select(table + " tbody tr").stream().map(Element::text).toList();
    }
}
