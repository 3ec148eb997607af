package org.undersigned.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Multipart;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** The widgets other sites frame: what stays inside the frame, what opens outside, its size, colour and short form. */
class EmbedTest extends AppTest {

    /** Every link opens outside the frame, but for the widget's own pages (its form and its answers), which stay in it. */
    private static void assertLinksLeaveTheFrame(Document page) {
        List<Element> links = page.select("a[href]");
        assertThat(links).isNotEmpty();
        for (Element a : links) {
            String href = a.attr("href");
            boolean ownPage = href.startsWith("#") || URI.create(href).getPath().matches("/(statements|campaigns)/[^/]+/embed(/.*)?");
            if (!ownPage) assertThat(a.attr("target")).as(a.outerHtml()).isIn("_top", "_blank");
        }
        for (Element form : page.select("form")) assertThat(form.attr("action")).as(form.outerHtml()).contains("/embed");
    }

    @Test
    void every_link_of_a_widget_opens_outside_its_frame_and_its_form_and_answer_stay_inside() {
        String statement = app.statement("climate");
        app.campaign("water", "Clean water", 100);
        for (String path : new String[] {statement + "/embed", statement + "/embed?compact=1", "/campaigns/water/embed"}) {
            assertLinksLeaveTheFrame(app.browser.get(path).document());
        }
        Page invalid = app.browser.get(statement + "/embed").form("form#sign-on").submit();
        assertThat(invalid.status()).isEqualTo(400);
        assertLinksLeaveTheFrame(invalid.document());

        Page answer = SignOnForm.filled(app.browser.get(statement + "/embed"), "Red Kite", "BE", "kite@example.org").submit();
        assertThat(answer.h1()).isEqualTo("Check your email");
        assertLinksLeaveTheFrame(answer.document());
        assertThat(answer.document().select("a[href]").eachAttr("href")).contains("/statements/climate/embed");
    }

    @Test
    void a_widget_sizes_its_frame_through_a_same_origin_script_and_the_embed_code_carries_it() {
        String statement = app.statement("climate");
        Document embed = app.browser.get(statement + "/embed").document();
        assertThat(embed.select("script[src]").eachAttr("src")).containsExactly("/embed-frame.js", "/referral.js");
        Page inner = app.browser.get("/embed-frame.js");
        assertThat(inner.status()).isEqualTo(200);
        assertThat(inner.header("Content-Type")).startsWith("text/javascript");
        assertThat(inner.body()).contains("postMessage({ type: \"undersigned:height\", height: height }, \"*\")");
        Page host = app.browser.get("/embed.js");
        assertThat(host.status()).isEqualTo(200);
        assertThat(host.body()).contains("if (event.origin !== origin) return;", "frames[i].contentWindow === event.source");

        Browser admin = app.admin();
        String code = admin.get("/admin" + statement).document().selectFirst("#embed-code").text();
        assertThat(code).isEqualTo("<iframe src=\"" + app.config.web().baseUrl() + "/statements/climate/embed\" title=\"Statement climate\""
                + " loading=\"lazy\" style=\"width:100%;max-width:40rem;height:52rem;border:0\"></iframe>"
                + "<script src=\"" + app.config.web().baseUrl() + "/embed.js\" async></script>");
        assertThat(admin.get("/admin" + statement).document().selectFirst("#embed-compact").text()).contains("/statements/climate/embed?compact=1");
    }

    @Test
    void a_widget_takes_the_site_s_accent_colour() {
        String statement = app.statement("climate");
        assertThat(app.browser.get(statement + "/embed").document().select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/app.css");
        Browser admin = app.admin();
        Page saved = Multipart.of(admin.get("/admin/settings").form("form.settings-form").remove("logo").set("accent_color", "#7a3e9d"))
                .post(admin, "/admin/settings");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(app.browser.get(statement + "/embed").document().select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly("/app.css", "/site/accent-7a3e9d.css");
    }

    @Test
    void a_compact_widget_asks_only_the_required_fields_and_stays_compact_when_its_form_comes_back() {
        String statement = app.statement("climate");
        Document full = app.browser.get(statement + "/embed").document();
        assertThat(full.select("#website")).hasSize(1);
        Page compact = app.browser.get(statement + "/embed?compact=1");
        assertThat(compact.document().select("#website")).isEmpty();
        assertThat(compact.document().selectFirst("body").hasClass("embed-compact")).isTrue();
        assertThat(compact.form("form#sign-on").action()).isEqualTo("/statements/climate/embed?compact=1");
        Page again = compact.form("form#sign-on").set("organisation", "Red Kite").submit();
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.document().select("#website")).isEmpty();
        assertThat(again.document().select("#organisation").val()).isEqualTo("Red Kite");
    }

    @Test
    void only_a_widget_may_be_framed_whatever_a_slug_is_called() {
        String statement = app.statement("embed");
        Page widget = app.browser.get(statement + "/embed");
        assertThat(widget.header("Content-Security-Policy")).endsWith("frame-ancestors *");
        assertThat(widget.header("X-Frame-Options")).isNull();
        Browser admin = app.admin();
        for (Page page : new Page[] {app.browser.get(statement), admin.get("/admin/statements/embed"), admin.get("/admin/statements/embed/edit")}) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }
}
