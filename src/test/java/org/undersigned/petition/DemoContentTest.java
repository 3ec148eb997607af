package org.undersigned.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.undersigned.db.Database;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;

/** The demo statement comes in English and French, so a newcomer sees the languages at work. */
class DemoContentTest extends AppTest {

    @Test
    void the_demo_statement_offers_its_french_version() {
        try (Database database = new Database(app.config.databaseUrl())) {
            new DemoContent(database, Clock.systemUTC()).seed();
            new DemoContent(database, Clock.systemUTC()).seed(); // seeding again adds nothing
        }
        Page english = app.browser.get("/statements/regularisation-now");
        assertThat(english.h1()).startsWith("Regularisation now");
        assertThat(english.document().select("nav.text-versions a[hreflang=fr]").text()).isEqualTo("Français");

        Page french = app.browser.get("/statements/regularisation-now?lang=fr");
        assertThat(french.h1()).startsWith("Régularisation maintenant");
        assertThat(french.document().selectFirst("main .prose strong").text()).isEqualTo("Nous, organisations signataires");
        assertThat(app.count("SELECT COUNT(*) FROM petition_translations")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM petitions")).isEqualTo(2);
    }
}
