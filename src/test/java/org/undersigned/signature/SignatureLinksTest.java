package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.tokens.Tokens;

class SignatureLinksTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("links");
    }

    @Test
    void tokens_are_long_random_and_stored_only_as_hashes() throws InterruptedException {
        SignOnForm.sign(app.browser, statement, "Hash Org", "BE", "hash@example.org");
        String link = mailbox.nth("hash@example.org", 1).linkTo("/confirm/");
        String token = URI.create(link).getPath().substring("/confirm/".length());

        // base64url of 33 bytes: a 48-bit time then 216 random bits
        assertThat(token).hasSize(44).matches("[A-Za-z0-9_-]{44}");
        assertThat(app.count("SELECT COUNT(*) FROM signature_tokens WHERE token_hash = '" + LinkTokens.key(token) + "'")).isEqualTo(1);
        assertThat(LinkTokens.key(token)).endsWith(Tokens.hash(token));
        // the relay records the hand-off right after the mail server took the batch; then the bodies are blanked
        app.awaitOutboxSettled();
        assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")).isZero();
        String everything = app.db().withHandle(h -> h.createQuery(
                "SELECT string_agg(token_hash, ',') || (SELECT string_agg(text_body || html_body || COALESCE(draft, ''), ',') FROM outbox) FROM signature_tokens")
                .mapTo(String.class).one());
        assertThat(everything).doesNotContain(token);
    }

    @Test
    void links_keep_their_order_of_making_in_the_stored_keys_and_links_mailed_before_still_work() {
        SignOnForm.sign(app.browser, statement, "First Org", "BE", "first@example.org");
        app.clock.advance(Duration.ofSeconds(1));
        SignOnForm.sign(app.browser, statement, "Second Org", "BE", "second@example.org");
        String first = tokenIn(mailbox.nth("first@example.org", 1).linkTo("/confirm/"));
        String second = tokenIn(mailbox.nth("second@example.org", 1).linkTo("/confirm/"));
        assertThat(LinkTokens.key(first)).isLessThan(LinkTokens.key(second));

        // a link as mailed before: 32 random bytes, stored under their SHA-256 alone
        String before = "q3O1vY6mX0b8Yw2r4Jk9sLzE5nT7uH1aC0dF2gI4jK8";
        app.db().useHandle(h -> h.execute("""
                INSERT INTO signature_tokens (token_hash, signature_id, purpose, created_at, expires_at)
                SELECT ?, id, 'manage', 0, NULL FROM signatures WHERE email = 'first@example.org'""", Tokens.hash(before)));
        Page manage = app.browser.get("/manage/" + before);
        assertThat(manage.status()).isEqualTo(200);
        assertThat(manage.text()).contains("First Org");
        assertThat(app.browser.get("/manage/" + before.substring(1) + "A").status()).isEqualTo(404);
        assertThat(app.browser.get("/manage/" + first.substring(0, 43) + "*").status()).isEqualTo(404);
    }

    private static String tokenIn(String link) {
        String path = URI.create(link).getPath(); // the link carries ?lang= after its token
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void an_expired_confirmation_link_says_so_kindly_and_a_new_sign_on_sends_a_fresh_one() {
        SignOnForm.sign(app.browser, statement, "Late Org", "BE", "late@example.org");
        String old = mailbox.nth("late@example.org", 1).linkTo("/confirm/");
        app.clock.advance(Duration.ofDays(31));

        Page expired = app.browser.get(old);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.h1()).isEqualTo("This link has expired");
        assertThat(expired.text()).contains("Nothing is lost");
        assertThat(expired.document().select("form")).isEmpty();

        SignOnForm.sign(app.browser, statement, "Late Org", "BE", "late@example.org");
        confirm(mailbox.nth("late@example.org", 2));
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Late Org");
    }

    @Test
    void many_clicks_at_once_on_a_confirmation_link_confirm_once_and_thank_once() throws Exception {
        SignOnForm.sign(app.browser, statement, "Eager Org", "BE", "eager@example.org");
        Page link = app.browser.get(mailbox.nth("eager@example.org", 1).linkTo("/confirm/"));
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < 8; i++) forms.add(link.form("form[action^=/confirm/]"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Page>> clicks = new ArrayList<>();
        for (Form form : forms) clicks.add(pool.submit(form::submit));
        for (Future<Page> click : clicks) assertThat(click.get().status()).isEqualTo(200);
        pool.shutdown();

        ReceivedMail thanks = mailbox.nth("eager@example.org", 2);
        assertThat(app.browser.get(thanks.linkTo("/manage/")).text()).contains("Eager Org");
        app.awaitOutboxSettled();
        assertThat(mailbox.to("eager@example.org")).as("the confirmation link, then one thanks").hasSize(2);
        assertThat(app.count("SELECT COUNT(*) FROM signature_tokens WHERE purpose = 'manage'")).isEqualTo(1);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactly("Eager Org");
    }

    @Test
    void an_unknown_link_is_a_kind_404() {
        Page page = app.browser.get("/confirm/not-a-real-token");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.h1()).isEqualTo("This link is not valid");
        assertThat(app.browser.get("/manage/not-a-real-token").status()).isEqualTo(404);
    }

    @Test
    void withdrawing_removes_the_organisation_forgets_the_contact_and_cannot_be_undone_by_the_old_link() {
        SignOnForm.sign(app.browser, statement, "Leaving Org", "BE", "leaving@example.org");
        ReceivedMail confirmation = mailbox.nth("leaving@example.org", 1);
        confirm(confirmation);
        String manage = mailbox.nth("leaving@example.org", 2).linkTo("/manage/");

        Page withdrawn = app.browser.get(manage).form("form[action$=/withdraw]").submit();

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.h1()).isEqualTo("Your signature has been withdrawn");
        Page list = app.browser.get(statement);
        assertThat(list.text()).doesNotContain("Leaving Org").contains("No organisation has signed yet");
        assertThat(app.browser.get("/api/v1/statements/links").body()).contains("\"signatureCount\":0");
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery(
                "SELECT status, email, contact_name, withdrawn_at FROM signatures").mapToMap().one());
        assertThat(row.get("status")).isEqualTo("withdrawn");
        assertThat(row.get("email")).isEqualTo("");
        assertThat(row.get("contact_name")).isNull();
        assertThat(row.get("withdrawn_at")).isNotNull();

        Page replay = app.browser.get(confirmation.linkTo("/confirm/"));
        assertThat(replay.document().select("form[action^=/confirm/]")).isEmpty();
        assertThat(app.browser.get(manage).h1()).isEqualTo("This signature was withdrawn");
        assertThat(app.browser.get(statement).text()).doesNotContain("Leaving Org");

        // the address is free to sign again (its third mail was the withdrawal's receipt)
        assertThat(mailbox.nth("leaving@example.org", 3).subject()).startsWith("Signature withdrawn");
        SignOnForm.sign(app.browser, statement, "Leaving Org", "BE", "leaving@example.org");
        assertThat(mailbox.nth("leaving@example.org", 4).linksTo("/confirm/")).hasSize(1);
    }

    @Test
    void each_signature_records_its_times_and_the_exact_consent_wording_shown() {
        SignOnForm.sign(app.browser, statement, "Consent Org", "BE", "consent@example.org");
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery("""
                SELECT s.created_at, s.confirmed_at, s.withdrawn_at, s.locale, c.text
                FROM signatures s JOIN consent_texts c ON c.hash = s.consent_hash""").mapToMap().one());
        assertThat(row.get("created_at")).isNotNull();
        assertThat(row.get("confirmed_at")).isNull();
        assertThat(row.get("locale")).isEqualTo("en");
        String shown = app.browser.get(statement).document().selectFirst("label[for=consent_publish]").text();
        assertThat(row.get("text")).isEqualTo(shown);
    }
}
