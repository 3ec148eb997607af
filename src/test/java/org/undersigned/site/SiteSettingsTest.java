package org.undersigned.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Multipart;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.TestApp;

/** Whose site it is: the admins' settings page, and every page and mail that shows what it sets. */
class SiteSettingsTest {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;
    TestApp app;
    Browser admin;

    @BeforeEach
    void start() {
        app = TestApp.start(dir, greenMail.getSmtp().getPort());
        app.statement("climate", "Climate statement", "Text", "open");
        admin = app.admin();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Form settingsForm() {
        return admin.get("/admin/settings").form("form.settings-form").remove("logo");
    }

    private Page upload(String filename, String type, byte[] content) {
        return Multipart.of(settingsForm()).file("logo", filename, type, content).post(admin, "/admin/settings");
    }

    private static String logoError(Page page) {
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#logo");
        return page.document().selectFirst("#logo-error").text();
    }

    @Test
    void an_admin_s_name_colour_links_and_logo_show_on_the_statement_page_and_in_its_mails() throws Exception {
        Document before = app.browser.get("/statements/climate").document();
        assertThat(before.selectFirst(".site-header .brand").text()).isEqualTo("undersigned");
        assertThat(before.select(".site-footer a")).isEmpty();

        Page saved = Multipart.of(settingsForm()
                .set("site_name", "Migrant Rights Network").set("accent_color", "#7A3E9D")
                .set("privacy_url", "https://mrn.example.org/privacy").set("legal_url", "https://mrn.example.org/legal"))
                .file("logo", "logo.png", "image/png", TestImages.image("png", 800, 400))
                .post(admin, "/admin/settings");
        assertThat(saved.status()).isEqualTo(303);
        Page shown = admin.follow(saved);
        assertThat(shown.document().selectFirst("[role=status]").text()).isEqualTo("Settings saved. Every page shows them now.");
        assertThat(shown.document().selectFirst("#site_name").val()).isEqualTo("Migrant Rights Network");
        assertThat(shown.document().selectFirst("#accent_color").val()).isEqualTo("#7a3e9d");

        Document page = app.browser.get("/statements/climate").document();
        assertThat(page.title()).isEqualTo("Climate statement – Migrant Rights Network");
        var logo = page.selectFirst(".site-header .brand img");
        assertThat(logo.attr("alt")).isEqualTo("Migrant Rights Network");
        assertThat(logo.attr("src")).matches("/site/logo/[0-9a-f]{16}\\.png");
        assertThat(logo.attr("height")).isEqualTo("48");
        assertThat(logo.attr("width")).isEqualTo("96");
        assertThat(page.selectFirst(".site-header .brand").text()).isEqualTo("Migrant Rights Network");
        assertThat(page.select(".site-footer a").eachAttr("href"))
                .containsExactly("https://mrn.example.org/privacy", "https://mrn.example.org/legal");
        assertThat(page.select(".site-footer a").eachText()).containsExactly("Privacy policy", "Legal notice");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/app.css", "/site/accent-7a3e9d.css");

        HttpResponse<byte[]> image = app.browser.raw(app.browser.request(logo.attr("src")).GET());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertThat(served.getHeight()).as("twice the 48 CSS pixels shown, for sharp screens").isEqualTo(96);
        assertThat(served.getWidth()).isEqualTo(192);

        Page css = app.browser.get("/site/accent-7a3e9d.css");
        assertThat(css.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(css.header("Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(css.body()).contains("--accent: #7a3e9d;");

        SignOnForm.sign(app.browser, "/statements/climate", "Signing Org", "BE", "signer@example.org");
        ReceivedMail confirm = new Mailbox(greenMail).nth("signer@example.org", 1);
        assertThat(confirm.header("From")).startsWith("Migrant Rights Network <");
        assertThat(confirm.text()).contains("Migrant Rights Network");
        assertThat(confirm.html()).contains("Migrant Rights Network");

        assertThat(admin.get("/admin/audit").document().select(".audit-table tbody tr").first().text())
                .contains("Changed the site settings").contains("name: Migrant Rights Network").contains("logo replaced");
    }

    @Test
    void removing_the_logo_takes_it_off_every_page_and_its_address_answers_404() {
        Page saved = upload("logo.jpg", "image/jpeg", TestImages.image("jpeg", 300, 300));
        assertThat(saved.status()).isEqualTo(303);
        String src = app.browser.get("/statements/climate").document().selectFirst(".brand img").attr("src");
        assertThat(app.browser.get(src).status()).isEqualTo(200);

        Page removed = Multipart.of(settingsForm().tick("remove_logo")).post(admin, "/admin/settings");
        assertThat(removed.status()).isEqualTo(303);
        assertThat(app.browser.get("/statements/climate").document().select(".brand img")).isEmpty();
        assertThat(app.browser.get(src).status()).isEqualTo(404);
    }

    @Test
    void a_logo_of_a_megabyte_and_a_half_is_taken_in_and_shrunk_to_the_header_s_size() throws Exception {
        byte[] large = TestImages.noise(700, 700);
        assertThat(large.length).as("far above the 64 KB of a form").isGreaterThan(1_000_000);
        assertThat(upload("photo.png", "image/png", large).status()).isEqualTo(303);
        String src = app.browser.get("/statements/climate").document().selectFirst(".brand img").attr("src");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(app.browser.raw(app.browser.request(src).GET()).body()));
        assertThat(served.getWidth()).isEqualTo(96);
        assertThat(served.getHeight()).isEqualTo(96);
    }

    @Test
    void a_logo_file_over_2_mb_is_refused() {
        byte[] tooLarge = TestImages.concat(TestImages.image("png", 100, 100), new byte[2 * 1024 * 1024]);
        assertThat(logoError(upload("logo.png", "image/png", tooLarge))).isEqualTo("Error: The logo file is larger than 2 MB. Choose a smaller file");
    }

    @Test
    void a_webp_logo_is_accepted_and_served_as_png() {
        assertThat(upload("logo.webp", "image/webp", TestImages.webp()).status()).isEqualTo(303);
        String src = app.browser.get("/").document().selectFirst(".brand img").attr("src");
        assertThat(app.browser.get(src).header("Content-Type")).isEqualTo("image/png");
    }

    @Test
    void a_coordinator_who_is_not_an_admin_gets_403() {
        app.coordinator("coordinator@example.org", "a long coordinator passphrase");
        Browser coordinator = app.loggedIn("coordinator@example.org", "a long coordinator passphrase");
        assertThat(coordinator.get("/admin/settings").status()).isEqualTo(403);
        String csrf = coordinator.get("/admin").document().selectFirst("input[name=csrf]").val();
        Page post = new Multipart().field("csrf", csrf).field("site_name", "Taken over").post(coordinator, "/admin/settings");
        assertThat(post.status()).isEqualTo(403);
        assertThat(app.browser.get("/statements/climate").document().selectFirst(".brand").text()).isEqualTo("undersigned");
        assertThat(coordinator.get("/admin").document().select("a[href=/admin/settings]")).isEmpty();
    }

    @Test
    void a_settings_post_without_the_session_s_csrf_token_is_refused() {
        Page post = new Multipart().field("csrf", "forged").field("site_name", "Taken over").post(admin, "/admin/settings");
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void a_colour_too_light_for_white_text_is_refused_with_its_measured_contrast_and_the_input_kept() {
        Page refused = Multipart.of(settingsForm().set("site_name", "Kept name").set("accent_color", "#777777")).post(admin, "/admin/settings");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary a").eachAttr("href")).containsExactly("#accent_color");
        assertThat(refused.document().selectFirst("#accent_color-error").text()).isEqualTo("Error: The colour #777777 has a contrast of only "
                + "4.09:1 with the white text on it and the light page behind links in it; WCAG AA asks for at least 4.5:1. Choose a darker colour");
        assertThat(refused.document().selectFirst("#accent_color").val()).isEqualTo("#777777");
        assertThat(refused.document().selectFirst("#site_name").val()).isEqualTo("Kept name");
        assertThat(refused.document().selectFirst("#accent_color").attr("aria-invalid")).isEqualTo("true");
        assertThat(app.browser.get("/statements/climate").document().select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/app.css");
    }

    @Test
    void links_other_than_http_s_are_refused() {
        Page refused = Multipart.of(settingsForm().set("privacy_url", "javascript:alert(1)").set("legal_url", "/legal")).post(admin, "/admin/settings");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary a").eachAttr("href")).containsExactly("#privacy_url", "#legal_url");
        assertThat(refused.document().selectFirst("#privacy_url").val()).isEqualTo("javascript:alert(1)");
    }

    @Test
    void a_file_that_is_not_an_image_is_refused_with_a_clear_message() {
        assertThat(logoError(upload("logo.png", "image/png", "just some text".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Error: The file is not a PNG, JPEG or WebP image. Choose an image file");
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(logoError(upload("logo.png", "image/png", html)))
                .isEqualTo("Error: The file is not a PNG, JPEG or WebP image. Choose an image file");
    }

    @Test
    void a_file_that_only_starts_like_a_png_is_refused() {
        byte[] polyglot = TestImages.concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a},
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(logoError(upload("logo.png", "image/png", polyglot)))
                .isEqualTo("Error: The file could not be read as an image: it may be damaged, or only named like one. Choose another file");
        assertThat(app.browser.get("/statements/climate").document().select(".brand img")).isEmpty();
    }

    @Test
    void html_riding_after_a_real_png_is_never_served_as_the_logo_is_drawn_again() {
        byte[] riding = TestImages.concat(TestImages.image("png", 200, 100), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(upload("logo.png", "image/png", riding).status()).isEqualTo(303);
        String src = app.browser.get("/statements/climate").document().selectFirst(".brand img").attr("src");
        HttpResponse<byte[]> served = app.browser.raw(app.browser.request(src).GET());
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("<script");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void an_svg_is_refused_as_it_may_carry_script() {
        byte[] svg = """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThat(logoError(upload("logo.svg", "image/svg+xml", svg)))
                .isEqualTo("Error: SVG logos are not accepted, as they can carry scripts. Upload the logo as PNG, JPEG or WebP");
    }

    @Test
    void a_50_megapixel_png_is_refused_before_it_is_decoded() {
        byte[] huge = TestImages.hugePng(7072, 7072);
        assertThat(huge.length).as("small on the wire").isLessThan(64 * 1024);
        assertThat(logoError(upload("logo.png", "image/png", huge)))
                .isEqualTo("Error: The image is 7072 × 7072 pixels (50.0 megapixels); logos of at most 20 megapixels are accepted. Choose a smaller image");
        assertThat(admin.get("/admin/settings").status()).as("the server is still there").isEqualTo(200);
    }

    @Test
    void the_settings_page_speaks_french() {
        Page page = admin.language("fr").get("/admin/settings");
        assertThat(page.h1()).isEqualTo("Réglages du site");
        assertThat(page.document().selectFirst("label[for=site_name]").text()).startsWith("Nom de l’organisation");
    }
}
