package org.undersigned.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.Config;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.TestApp;
import org.undersigned.support.Wait;

/** Webhooks as a CRM receives them, and as a coordinator (or an attacker) registers them. */
class WebhookTest extends AppTest {
    private final Receiver receiver;

    WebhookTest() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** The app again, allowed to reach the receiver on loopback, as an operator sets WEBHOOKS_ALLOW_PRIVATE for tests. */
    private void allowLoopback() {
        app.close();
        Config config = TestApp.config(dir, new Config.Smtp("localhost", greenMail.getSmtp().getPort(), null, null, Config.Transport.PLAIN));
        app = TestApp.start(config.toBuilder().webhooksAllowPrivate(true).build());
    }

    private static Page register(Browser coordinator, String url, String petition, String... events) {
        Form form = coordinator.get("/admin/webhooks").form("form[action=/admin/webhooks]").set("url", url);
        if (petition != null) form.set("petition", petition);
        form.fields().put("events", List.of(events));
        return form.submit();
    }

    private static String secret(Page page) {
        return page.document().selectFirst("[data-secret]").attr("data-secret");
    }

    @Test
    void each_event_reaches_the_endpoint_once_in_order_signed_in_the_standard_webhooks_form() throws Exception {
        allowLoopback();
        Browser admin = app.admin();
        Page created = register(admin, receiver.url(), "", "signature.confirmed", "signature.withdrawn", "petition.opened");
        app.statement("hooked");
        assertThat(created.status()).isEqualTo(200);
        String secret = secret(created);
        assertThat(secret).startsWith("whsec_");

        signAndConfirm("/statements/hooked", "Harbour Rights", "BE", "harbour@example.org");
        app.browser.get(mailbox.nth("harbour@example.org", 2).linkTo("/manage/")).form("form[action$=/withdraw]").submit();

        Wait.until("confirmed, withdrawn and the opening delivered", () -> receiver.distinct().size() == 3);
        List<Receiver.Received> got = receiver.distinct();
        assertThat(got.stream().filter(r -> r.type().startsWith("signature.")).map(Receiver.Received::type))
                .containsExactly("signature.confirmed", "signature.withdrawn");
        for (Receiver.Received r : got) {
            assertThat(r.signedWith(secret)).as("signature of %s", r.id()).isTrue();
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(Math.abs(r.timestamp() - app.clock.millis() / 1000)).isLessThan(60);
        }
        assertThat(got.stream().map(Receiver.Received::id).distinct()).hasSize(3);
        Receiver.Received confirmed = got.stream().filter(r -> r.type().equals("signature.confirmed")).findFirst().orElseThrow();
        assertThat(confirmed.json().at("/data/signature/organisation").asText()).isEqualTo("Harbour Rights");
        assertThat(confirmed.json().at("/data/petition/url").asText()).isEqualTo(app.url("/statements/hooked"));
        Receiver.Received withdrawn = got.stream().filter(r -> r.type().equals("signature.withdrawn")).findFirst().orElseThrow();
        assertThat(withdrawn.json().at("/data/signature/id").asLong()).isEqualTo(confirmed.json().at("/data/signature/id").asLong());
        assertThat(withdrawn.json().at("/data/signature/email").isNull()).as("a withdrawn signer's address is gone").isTrue();
        assertThat(got.stream().filter(r -> r.type().equals("petition.opened")).findFirst().orElseThrow().json().at("/data/petition/slug").asText())
                .isEqualTo("hooked");
        assertThat(receiver.received).as("each delivered once").hasSize(3);
        String endpoint = admin.get("/admin/webhooks").document().selectFirst("a[href^=/admin/webhooks/]").attr("href");
        Wait.until("the log shows every delivery settled", () -> admin.get(endpoint).document().select("tr[data-delivery]").size() == 3
                && !admin.get(endpoint).text().contains("Waiting"));
        assertThat(admin.get(endpoint).document().select("tr[data-delivery] td:nth-of-type(1) .hint").eachText())
                .as("what each delivery was about: the petition, and the signature where there is one")
                .containsExactlyInAnyOrder("/statements/hooked", "/statements/hooked #" + confirmed.json().at("/data/signature/id").asLong(),
                        "/statements/hooked #" + confirmed.json().at("/data/signature/id").asLong());
    }

    @Test
    void a_failing_endpoint_is_tried_again_later_its_log_shows_each_answer_and_a_delivery_can_be_replayed() throws Exception {
        allowLoopback();
        app.statement("flaky");
        Browser admin = app.admin();
        register(admin, receiver.url(), "", "signature.confirmed");
        String endpoint = admin.get("/admin/webhooks").document().selectFirst("a[href^=/admin/webhooks/]").attr("href");
        receiver.answer(500);

        signAndConfirm("/statements/flaky", "Flaky Org", "FR", "flaky@example.org");
        Wait.until("the first attempt", () -> receiver.received.size() == 1);
        Wait.until("the log shows the refusal", () -> admin.get(endpoint).text().contains("500"));
        assertThat(admin.get(endpoint).text()).contains("Waiting", "next attempt");

        app.clock.advance(Duration.ofSeconds(31));
        Wait.until("the second attempt", () -> receiver.received.size() == 2);
        assertThat(receiver.received.get(1).id()).as("the same webhook-id, so the receiver can drop a repeat").isEqualTo(receiver.received.get(0).id());
        assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());
        Wait.until("the log shows it delivered", () -> admin.get(endpoint).text().contains("Delivered"));

        Page replayed = admin.get(endpoint).form("form[action$=/replay]").submit();
        assertThat(replayed.status()).isEqualTo(303);
        Wait.until("the replay", () -> receiver.received.size() == 3);
        assertThat(receiver.received.get(2).id()).isEqualTo(receiver.received.get(0).id());
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook_replay'")).isEqualTo(1);
    }

    @Test
    void addresses_inside_the_network_and_plain_http_are_refused_unless_the_operator_allows_them() {
        app.statement("guarded");
        Browser admin = app.admin();
        Page loopback = register(admin, receiver.url(), "", "signature.confirmed");
        assertThat(loopback.status()).isEqualTo(400);
        assertThat(loopback.document().select("#url-error").text())
                .contains("The address leads to a private or local network: webhooks go to addresses on the internet");
        for (String inside : List.of("https://10.1.2.3/hooks", "https://169.254.169.254/latest/meta-data", "https://[::1]/x",
                "https://192.168.0.10/", "https://100.64.0.1/", "https://[fd00::1]/", "https://[::ffff:127.0.0.1]/")) {
            assertThat(register(admin, inside, "", "signature.confirmed").document().select("#url-error").text()).as(inside)
                    .contains("private or local network");
        }
        assertThat(register(admin, "ftp://files.example.org/", "", "signature.confirmed").document().select("#url-error").text())
                .contains("Enter a full web address starting with https://");
        assertThat(register(admin, "https://user:pw@8.8.8.8/", "", "signature.confirmed").document().select("#url-error").text())
                .contains("without a user name");
        Page noEvents = register(admin, "https://8.8.8.8/hooks", "");
        assertThat(noEvents.status()).isEqualTo(400);
        assertThat(noEvents.document().select("#events").text()).contains("Choose at least one event");
        assertThat(app.count("SELECT COUNT(*) FROM webhook_endpoints")).isZero();
    }

    @Test
    void a_coordinator_hooks_only_the_petitions_they_manage_and_sees_only_those_endpoints() {
        app.statement("ours");
        app.statement("theirs");
        long coordinator = app.coordinator("coord@example.org", "a long coordinator passphrase");
        app.assign("ours", coordinator);
        Browser coord = app.loggedIn("coord@example.org", "a long coordinator passphrase");
        Browser admin = app.admin();
        register(admin, "https://8.8.8.8/everything", "", "signature.confirmed");
        long theirs = app.db().withHandle(h -> h.createQuery("SELECT id FROM petitions WHERE slug = 'theirs'").mapTo(Long.class).one());
        long ours = app.db().withHandle(h -> h.createQuery("SELECT id FROM petitions WHERE slug = 'ours'").mapTo(Long.class).one());

        Page form = coord.get("/admin/webhooks");
        assertThat(form.document().select("select#petition option").eachAttr("value")).containsExactly(Long.toString(ours));
        assertThat(form.text()).doesNotContain("https://8.8.8.8/everything");
        Page everything = register(coord, "https://8.8.8.8/mine", "", "signature.confirmed");
        assertThat(everything.status()).isEqualTo(400);
        assertThat(everything.document().select("#petition-error").text()).contains("Choose the petition the endpoint hears of");
        Page other = register(coord, "https://8.8.8.8/mine", Long.toString(theirs), "signature.confirmed");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.document().select("#petition-error").text()).contains("Choose one of the petitions you coordinate");
        assertThat(register(coord, "https://8.8.8.8/mine", Long.toString(ours), "signature.confirmed").status()).isEqualTo(200);

        long adminEndpoint = app.db().withHandle(h -> h.createQuery("SELECT id FROM webhook_endpoints WHERE petition_id IS NULL")
                .mapTo(Long.class).one());
        assertThat(coord.get("/admin/webhooks/" + adminEndpoint).status()).isEqualTo(404);
        assertThat(coord.post("/admin/webhooks/" + adminEndpoint + "/remove", java.util.Map.of("csrf",
                List.of(coord.get("/admin/webhooks").form("form[action=/admin/webhooks]").fields().get("csrf").get(0)))).status()).isEqualTo(404);
        assertThat(app.count("SELECT COUNT(*) FROM webhook_endpoints")).isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook_create'")).isEqualTo(2);
    }

    @Test
    void a_coordinators_approval_and_rejection_each_reach_the_endpoint() throws Exception {
        allowLoopback();
        app.statement("vetted");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        Browser admin = app.admin();
        String secret = secret(register(admin, receiver.url(), "", "signature.approved", "signature.rejected"));
        signAndConfirm("/statements/vetted", "Welcome Org", "BE", "welcome@example.org");
        signAndConfirm("/statements/vetted", "Spam Org", "BE", "spam@example.org");

        Form approve = admin.get("/admin/statements/vetted?status=awaiting").form("form#moderation").set("decision", "approve");
        approve.fields().put("ids", List.of(id("Welcome Org")));
        assertThat(approve.submit().status()).isEqualTo(303);
        Form reject = admin.get("/admin/statements/vetted?status=awaiting").form("form#moderation").set("decision", "reject");
        reject.fields().put("ids", List.of(id("Spam Org")));
        Page confirmStep = reject.submit();
        assertThat(confirmStep.form("form[action$=/moderation]").submit().status()).isEqualTo(303);

        Wait.until("both decisions delivered", () -> receiver.distinct().size() == 2);
        Map<String, String> byType = new java.util.HashMap<>();
        for (Receiver.Received r : receiver.distinct()) {
            assertThat(r.signedWith(secret)).isTrue();
            byType.put(r.type(), r.json().at("/data/signature/organisation").asText());
        }
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of("signature.approved", "Welcome Org", "signature.rejected", "Spam Org"));
    }
}
