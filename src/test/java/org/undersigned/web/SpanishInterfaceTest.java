package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** A Spanish reader: the switcher offers Spanish, the pages, errors and mails speak it. */
class SpanishInterfaceTest extends AppTest {

    @Test
    void a_browser_asking_for_spanish_gets_spanish_labels_errors_and_mail() {
        String statement = app.statement("derechos", "Rights for all", "We *agree*.", "open");
        app.browser.language("es-ES,es;q=0.9,en;q=0.5");

        Page page = app.browser.get(statement);
        assertThat(page.document().selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.document().selectFirst("#sign-on button[type=submit]").text()).isEqualTo("Firmar la declaración");
        assertThat(page.document().selectFirst("label[for=organisation]").text()).startsWith("Nombre de la organización");
        assertThat(page.document().selectFirst("nav.languages [aria-current]").text()).isEqualTo("Español");

        Page invalid = page.form("form#sign-on").submit();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("Hay un problema", "Introduzca el nombre de su organización");

        SignOnForm.sign(app.browser, statement, "Red Solidaria", "ES", "red@example.org");
        assertThat(mailbox.nth("red@example.org", 1).subject()).isEqualTo("Confirme su firma: Rights for all");
    }

    @Test
    void the_switcher_offers_spanish_to_everyone_and_remembers_it() {
        Page english = app.browser.language("en").get("/");
        assertThat(english.document().select("nav.languages a[hreflang=es]").attr("href")).isEqualTo("/?lang=es");

        Page switched = app.browser.get("/?lang=es");
        assertThat(switched.header("Set-Cookie")).contains("lang=es");
        assertThat(switched.h1()).isEqualTo("Declaraciones y campañas abiertas a la firma");
    }
}
