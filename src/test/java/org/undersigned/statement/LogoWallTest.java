package org.undersigned.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.site.TestImages;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Multipart;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** A statement shown as a wall of logos: organisations give their logo when signing, coordinators add or replace one. */
class LogoWallTest extends AppTest {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    String statement;

    @BeforeEach
    void wall() {
        statement = app.statement("wall", "Wall statement", "We agree.", "open");
        Browser admin = app.admin();
        Page saved = admin.get("/admin/statements/wall/edit").form("form.petition-form").set("list_style", "logos").submit();
        assertThat(saved.status()).isEqualTo(303);
    }

    private Page signWithLogo(String organisation, String email, String filename, String type, byte[] logo) {
        var form = SignOnForm.filled(app.browser.get(statement), organisation, "BE", email).remove("logo");
        return Multipart.of(form).file("logo", filename, type, logo).post(app.browser, form.action());
    }

    private String hash(String organisation) {
        return app.db().withHandle(h -> h.createQuery("SELECT l.hash FROM signature_logos l JOIN signatures s ON s.id = l.signature_id"
                + " WHERE s.organisation = :o").bind("o", organisation).mapTo(String.class).one());
    }

    private Element card(Document page, String organisation) {
        return page.select(".logo-wall .logo-card").stream().filter(c -> c.selectFirst(".logo-name").text().equals(organisation))
                .findFirst().orElseThrow(() -> new AssertionError("no card for " + organisation));
    }

    @Test
    void an_organisation_signs_with_its_logo_and_once_confirmed_the_wall_shows_it_with_its_name() throws Exception {
        Page answer = signWithLogo("Red Kite Collective", "kite@example.org", "kite.png", "image/png", TestImages.image("png", 800, 400));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.h1()).isEqualTo("Check your email");
        String logo = "/logos/" + hash("Red Kite Collective") + ".png";
        assertThat(app.browser.get(logo).status()).as("not served while unconfirmed").isEqualTo(404);

        confirm(mailbox.nth("kite@example.org", 1));
        signAndConfirm(statement, "Harbour Legal Aid", "FR", "harbour@example.org"); // an urlencoded sign-on, as before

        Document page = app.browser.get(statement).document();
        Element kite = card(page, "Red Kite Collective");
        Element img = kite.selectFirst("img");
        assertThat(img.attr("src")).isEqualTo(logo);
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.attr("alt")).as("the name beside it says it").isEmpty();
        assertThat(img.attr("width") + "×" + img.attr("height")).isEqualTo("160×80");
        assertThat(kite.selectFirst(".logo-name a").attr("href")).isEqualTo("https://redkitecollective.example.org");
        Element harbour = card(page, "Harbour Legal Aid");
        assertThat(harbour.select("img")).isEmpty();
        assertThat(harbour.selectFirst(".logo-initials").text()).isEqualTo("HL");

        HttpResponse<byte[]> served = app.browser.raw(app.browser.request(logo).GET());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image.getWidth() + "×" + image.getHeight()).isEqualTo("320×160");

        app.db().useHandle(h -> h.execute("UPDATE signatures SET moderation = 'rejected' WHERE organisation = 'Red Kite Collective'"));
        assertThat(app.browser.get(logo).status()).as("not served once rejected").isEqualTo(404);
        assertThat(app.browser.get("/logos/0123456789abcdef.png").status()).isEqualTo(404);
    }

    @Test
    void a_logo_follows_its_sign_on_when_the_address_is_corrected_and_goes_with_it_when_it_is_dropped() {
        Page answer = signWithLogo("Red Kite Collective", "kite@exmaple.org", "kite.png", "image/png", TestImages.image("png", 300, 300));
        Page corrected = answer.form("form[action$=/signatures/correct]:has(#email)").set("email", "kite@example.org").submit();
        assertThat(corrected.status()).isEqualTo(200);
        confirm(mailbox.nth("kite@example.org", 1));
        assertThat(card(app.browser.get(statement).document(), "Red Kite Collective").selectFirst("img").attr("src"))
                .isEqualTo("/logos/" + hash("Red Kite Collective") + ".png");

        // corrected to an address that has signed already: the mistyped sign-on goes, and its logo with it
        Page again = signWithLogo("Kite Twin", "twin@exmaple.org", "twin.jpg", "image/jpeg", TestImages.image("jpeg", 200, 100));
        again.form("form[action$=/signatures/correct]:has(#email)").set("email", "kite@example.org").submit();
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM signature_logos")).isEqualTo(1);
    }

    @Test
    void a_statement_shown_by_name_keeps_its_list_of_names() {
        Browser admin = app.admin();
        assertThat(admin.get("/admin/statements/wall/edit").document().selectFirst("#list_style_logos").hasAttr("checked")).isTrue();
        admin.get("/admin/statements/wall/edit").form("form.petition-form").set("list_style", "names").submit();
        signAndConfirm(statement, "Harbour Legal Aid", "FR", "harbour@example.org");
        Document page = app.browser.get(statement).document();
        assertThat(page.select(".logo-wall")).isEmpty();
        assertThat(page.select("#signatories .org-list li").eachText()).containsExactly("Harbour Legal Aid");
    }

    @Test
    void hostile_logos_are_refused_with_a_clear_message_and_nothing_is_stored() {
        byte[] huge = TestImages.hugePng(7072, 7072);
        byte[] polyglot = TestImages.concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a},
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        byte[] svg = """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"""
                .getBytes(StandardCharsets.UTF_8);
        record Hostile(String filename, String type, byte[] bytes, String message) {}
        for (Hostile hostile : List.of(
                new Hostile("logo.png", "image/png", huge,
                        "Error: The image is 7072 × 7072 pixels (50.0 megapixels); logos of at most 20 megapixels are accepted. Choose a smaller image"),
                new Hostile("logo.png", "image/png", polyglot,
                        "Error: The file could not be read as an image: it may be damaged, or only named like one. Choose another file"),
                new Hostile("logo.svg", "image/svg+xml", svg,
                        "Error: SVG logos are not accepted, as they can carry scripts. Upload the logo as PNG, JPEG or WebP"))) {
            Page refused = signWithLogo("Red Kite Collective", "kite@example.org", hostile.filename(), hostile.type(), hostile.bytes());
            assertThat(refused.status()).as(hostile.filename()).isEqualTo(400);
            assertThat(refused.document().select(".error-summary a").eachAttr("href")).containsExactly("#logo");
            assertThat(refused.document().selectFirst("#logo-error").text()).isEqualTo(hostile.message());
            assertThat(refused.document().selectFirst("#organisation").val()).as("the form keeps what was typed").isEqualTo("Red Kite Collective");
        }
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM signature_logos")).isZero();
        assertThat(app.browser.get(statement).status()).as("the server is still there").isEqualTo(200);
    }

    @Test
    void a_coordinator_adds_replaces_and_removes_an_organisation_s_logo_and_each_change_is_audited() {
        signAndConfirm(statement, "Harbour Legal Aid", "FR", "harbour@example.org");
        String page = "/admin/statements/wall/signatures/" + id("Harbour Legal Aid");
        Browser admin = app.admin();
        assertThat(admin.get(page).document().selectFirst("#logo-title + p").text())
                .isEqualTo("No logo: the logo wall shows the organisation's initials.");

        Page refused = Multipart.of(admin.get(page).form("form[action$=/logo]").remove("logo"))
                .file("logo", "logo.svg", "image/svg+xml", "<svg><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8))
                .post(admin, page + "/logo");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().selectFirst("#logo-error").text())
                .isEqualTo("Error: SVG logos are not accepted, as they can carry scripts. Upload the logo as PNG, JPEG or WebP");

        for (int width : new int[] {400, 200}) {
            Page saved = Multipart.of(admin.get(page).form("form[action$=/logo]").remove("logo"))
                    .file("logo", "logo.jpg", "image/jpeg", TestImages.image("jpeg", width, 200)).post(admin, page + "/logo");
            assertThat(saved.status()).isEqualTo(303);
            Document shown = admin.follow(saved).document();
            assertThat(shown.selectFirst("[role=status]").text()).isEqualTo("Logo saved. The statement's page shows it now.");
            assertThat(shown.selectFirst(".logo-now img").attr("src")).startsWith(page + "/logo.png?v=");
            Element img = card(app.browser.get(statement).document(), "Harbour Legal Aid").selectFirst("img");
            assertThat(img.attr("src")).isEqualTo("/logos/" + hash("Harbour Legal Aid") + ".png");
            assertThat(img.attr("width") + "×" + img.attr("height")).isEqualTo(width == 400 ? "160×80" : "100×100"); // never drawn larger than it came
        }
        Page removed = Multipart.of(admin.get(page).form("form[action$=/logo]").remove("logo").set("remove_logo", "yes")).post(admin, page + "/logo");
        assertThat(removed.status()).isEqualTo(303);
        assertThat(card(app.browser.get(statement).document(), "Harbour Legal Aid").selectFirst(".logo-initials").text()).isEqualTo("HL");

        List<String> audited = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'edit_signature' ORDER BY id")
                .mapTo(String.class).list());
        assertThat(audited).containsExactly("logo added", "logo replaced", "logo removed");
    }
}
