package org.undersigned.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;

/** Coordinators add, correct and remove a statement's versions in other languages. */
class TranslationAdminTest extends AppTest {

    @Test
    void a_coordinator_adds_a_french_version_that_the_public_then_reads() {
        String statement = app.statement("dignity", "Dignity for all", "We *agree*.", "open");
        Browser admin = app.admin();
        Page edit = admin.get("/admin/statements/dignity/edit");
        assertThat(edit.document().selectFirst("#lang option[selected]").val()).isEqualTo("en");
        assertThat(edit.text()).contains("No other language yet.");

        // the "add a version" form is a GET form (the test Form only posts), so it is followed by hand
        assertThat(edit.document().selectFirst("form[method=get][action=/admin/statements/dignity/translations]")
                .select("select[name=language] option").eachAttr("value")).contains("fr", "ar", "es").doesNotContain("en");
        Page chosen = admin.get("/admin/statements/dignity/translations?language=fr");
        assertThat(chosen.status()).isEqualTo(303);
        Page form = admin.follow(chosen);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().selectFirst("#body").attr("lang")).isEqualTo("fr");

        Page saved = form.form("form.petition-form").set("title", "La dignité pour toutes et tous")
                .set("body", "Nous *sommes d'accord*.").submit();
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/admin/statements/dignity/edit?saved=1");
        assertThat(admin.follow(saved).document().select("ul.translations li").text()).contains("La dignité pour toutes et tous");

        Page french = app.browser.get(statement + "?lang=fr");
        assertThat(french.h1()).isEqualTo("La dignité pour toutes et tous");
        assertThat(french.document().select("link[rel=alternate][hreflang=en]")).hasSize(1);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'translate' AND detail = 'fr'")).isEqualTo(1);

        Page again = admin.get("/admin/statements/dignity/translations/fr");
        assertThat(again.document().selectFirst("#title").val()).isEqualTo("La dignité pour toutes et tous");
        var delete = again.form("form.petition-form");
        delete.fields().put("action", java.util.List.of("delete"));
        assertThat(delete.submit().status()).isEqualTo(303);
        assertThat(app.browser.get(statement + "?lang=fr").h1()).isEqualTo("Dignity for all");
    }

    @Test
    void an_incomplete_translation_answers_400_with_the_input_kept_and_saves_nothing() {
        app.statement("dignity", "Dignity for all", "We agree.", "open");
        Page page = app.admin().get("/admin/statements/dignity/translations/ar").form("form.petition-form")
                .set("title", "").set("body", "نص محفوظ").submit();
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#title");
        assertThat(page.document().selectFirst("#body").text()).isEqualTo("نص محفوظ");
        assertThat(page.document().selectFirst("#body").attr("dir")).isEqualTo("rtl");
        assertThat(app.count("SELECT COUNT(*) FROM petition_translations")).isZero();
    }

    @Test
    void the_original_language_or_an_unknown_one_cannot_be_a_translation() {
        app.statement("dignity", "Dignity for all", "We agree.", "open");
        Browser admin = app.admin();
        assertThat(admin.get("/admin/statements/dignity/translations/en").status()).isEqualTo(404);
        assertThat(admin.get("/admin/statements/dignity/translations/xx").status()).isEqualTo(404);
        assertThat(admin.get("/admin/statements/dignity/translations/..").status()).isEqualTo(404);
        Page anonymous = app.browser.get("/admin/statements/dignity/translations/fr");
        assertThat(anonymous.status()).as("not logged in: to the login page, and back here after").isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/admin/login?next=%2Fadmin%2Fstatements%2Fdignity%2Ftranslations%2Ffr");
    }

    @Test
    void the_text_can_be_written_in_another_language_but_not_one_already_translated() {
        app.statement("dignity", "Dignity for all", "We agree.", "open");
        Browser admin = app.admin();
        admin.get("/admin/statements/dignity/translations/fr").form("form.petition-form")
                .set("title", "Dignité").set("body", "Texte.").submit();

        Page clash = admin.get("/admin/statements/dignity/edit").form("form.petition-form").set("lang", "fr").submit();
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.document().select(".error-summary a").eachAttr("href")).containsExactly("#lang");

        Page spanish = admin.get("/admin/statements/dignity/edit").form("form.petition-form").set("lang", "es").submit();
        assertThat(spanish.status()).isEqualTo(303);
        assertThat(app.browser.get("/statements/dignity?lang=es").document().selectFirst("main h1").attr("lang")).isEqualTo("es");
        assertThat(app.browser.get("/statements/dignity").document().select("link[rel=alternate]").eachAttr("hreflang"))
                .containsExactly("es", "fr", "x-default");
    }
}
