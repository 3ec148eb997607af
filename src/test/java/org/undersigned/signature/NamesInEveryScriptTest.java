package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.SupporterForm;

/**
 * Names as people write them, in every script, and names made to deceive: invisible characters,
 * blanks that are not spaces, marks with nothing under them, look-alike letters from another script.
 */
class NamesInEveryScriptTest extends AppTest {

    @Test
    void a_name_of_invisible_characters_gets_a_clear_error_in_each_language_and_nothing_is_stored() {
        String statement = app.statement("invisible");
        Map<String, String> expected = Map.of(
                "en", "The organisation name must contain at least one letter or digit",
                "fr", "Le nom de l'organisation doit contenir au moins une lettre ou un chiffre",
                "es", "El nombre de la organización debe contener al menos una letra o un número");
        for (var language : expected.entrySet()) {
            Browser browser = new Browser(app.url(""), false).language(language.getKey());
            Page page = SignOnForm.filled(browser.get(statement), "Org", "BE", "blank@example.org")
                    .set("organisation", "\u3164\u2800\u200D\u0301\u0301\u00AD\uDB40\uDC41\u2062\uFFF9\uE000")
                    .submit();
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.document().select(".error-summary a[href=#organisation]").eachText()).containsExactly(language.getValue());
        }
        Page supporter = SupporterForm.filled(app.browser.get(app.campaign("invisible-too", "Campaign", 100)), "\u200E\u200F", "BE",
                "blank@example.org").set("last_name", "...").submit();
        assertThat(supporter.status()).isEqualTo(400);
        assertThat(supporter.document().select(".error-summary a").eachText()).containsExactly(
                "The first name must contain at least one letter or digit", "The last name must contain at least one letter or digit");
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();
    }

    @Test
    void invisible_characters_are_taken_out_of_a_latin_name_before_it_is_stored() {
        String statement = app.statement("hidden");
        SignOnForm.filled(app.browser.get(statement), "Am\u00ADnes\u200Dty\u2063 Inter\u200Enational\u2800Europe\uDB40\uDC41", "BE", "a@example.org")
                .set("contact_name", "\u0301Ana\u180E Silva")
                .submit();
        Map<String, Object> row = app.db().withHandle(h -> h.createQuery("SELECT organisation, contact_name FROM signatures").mapToMap().one());
        assertThat(row).containsEntry("organisation", "Amnesty International Europe").containsEntry("contact_name", "Ana Silva");
    }

    @Test
    void names_in_every_script_and_emoji_sequences_are_stored_and_listed_as_typed() {
        String statement = app.statement("scripts");
        List<String> names = List.of(
                "\u0627\u0644\u0634\u0628\u0643\u0629 \u0627\u0644\u0639\u0631\u0628\u064A\u0629", // Arabic
                "\u0627\u0646\u062C\u0645\u0646 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u06CC\u0645", // Persian, with the ZWNJ it needs
                "Ελληνικό Φόρουμ Μεταναστών", // Greek
                "Правозащитный центр", // Cyrillic
                "東京難民支援協会", // Japanese
                "서울 이주민 센터", // Korean
                "\u0915\u094D\u200D\u0937\u0947\u0924\u094D\u0930 \u0938\u0902\u0917\u0920\u0928", // Devanagari, with a ZWJ half form
                "Pride \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 Families \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"); // emoji ZWJ sequences
        for (int i = 0; i < names.size(); i++) {
            Page page = SignOnForm.filled(app.browser.get(statement), names.get(i), "BE", "s" + i + "@example.org").set("website", "").submit();
            assertThat(page.status()).as(names.get(i)).isEqualTo(200);
            confirm(mailbox.nth("s" + i + "@example.org", 1));
        }
        List<String> stored = app.db().withHandle(h -> h.createQuery("SELECT organisation FROM signatures ORDER BY id").mapTo(String.class).list());
        assertThat(stored).containsExactlyElementsOf(names);
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText()).containsExactlyInAnyOrderElementsOf(names);
        Page list = app.admin().get("/admin" + statement);
        assertThat(list.document().select(".signatories-table .flag")).as("no name is flagged").isEmpty();
    }

    @Test
    void a_cyrillic_letter_in_a_latin_name_is_flagged_for_coordinators() {
        String statement = app.statement("look-alike");
        SignOnForm.sign(app.browser, statement, "Amnesty International", "BE", "real@example.org");
        SignOnForm.sign(app.browser, statement, "Amnesty Internation\u0430l", "BE", "fake@example.org"); // Cyrillic а
        SignOnForm.sign(app.browser, statement, "Amnesty International Россия", "BE", "ru@example.org");

        Browser admin = app.admin();
        Page list = admin.get("/admin" + statement);
        String flag = "Check the name: letters from different alphabets within one word, such as a Cyrillic ‘а’ in a Latin name, can make it pass for another";
        assertThat(list.document().select(".signatories-table tbody tr:has(.flag:not(.duplicate-flag)) th > a:first-child").eachText())
                .containsExactly("Amnesty Internation\u0430l");
        assertThat(list.document().select(".signatories-table .flag:not(.duplicate-flag)").eachText()).containsExactly(flag);
        assertThat(list.document().select(".signatories-table tbody tr:has(.flag:not(.duplicate-flag)) .duplicate-flag").eachText())
                .as("the disguised name is also a likely duplicate of the real one")
                .anySatisfy(text -> assertThat(text).startsWith("Likely duplicate of Amnesty International ("));
        long fake = app.count("SELECT id FROM signatures WHERE email = 'fake@example.org'");
        assertThat(admin.get("/admin" + statement + "/signatures/" + fake).document().select(".summary .flag").eachText()).containsExactly(flag);
    }
}
