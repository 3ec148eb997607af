package org.undersigned.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** A petition's own questions, as its coordinators write them, its signers answer them, and the public never sees the answers. */
class CustomQuestionsTest extends AppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Through the regional newsletter 7731";

    @Test
    void answers_are_asked_in_the_signers_language_checked_and_shown_to_coordinators_only() throws Exception {
        String path = app.statement("asks");
        app.db().useHandle(h -> h.execute("""
                INSERT INTO petition_translations (petition_id, lang, title, summary, body, updated_at)
                SELECT id, 'fr', 'Déclaration', '', 'Nous, soussignés.', 0 FROM petitions WHERE slug = 'asks'"""));
        Browser admin = app.admin();
        Page questions = admin.get("/admin/statements/asks/questions");
        assertThat(questions.status()).isEqualTo(200);
        Page added = questions.form("form[action$=/questions]").set("type", "choice").tick("required")
                .set("label_en", "Are you a member of the network?").set("options_en", "Member\nPartner\nNeither")
                .set("label_fr", "Êtes-vous membre du réseau ?").set("options_fr", "Membre\nPartenaire\nAucun des deux").submit();
        assertThat(added.status()).isEqualTo(303);
        admin.get("/admin/statements/asks/questions").form("form[action$=/questions]").set("type", "text")
                .set("label_en", "How did you hear of us?").set("label_fr", "Comment nous avez-vous connus ?").submit();
        long choice = app.count("SELECT MIN(id) FROM petition_questions");
        long text = app.count("SELECT MAX(id) FROM petition_questions");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'question_add' AND target = '/statements/asks'")).isEqualTo(2);

        Browser french = new Browser(app.url(""));
        french.language("fr");
        Page form = french.get(path);
        assertThat(form.document().select("label[for=question_" + choice + "]").text()).startsWith("Êtes-vous membre du réseau ?");
        assertThat(form.document().select("#question_" + choice + " option").eachText()).containsExactly("Choisir…", "Membre", "Partenaire",
                "Aucun des deux");

        Page refused = SignOnForm.filled(form, "Réseau Sud", "FR", "sud@example.org").set("question_" + text, SECRET).submit();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#question_" + choice + "-error").text()).startsWith("Erreur").endsWith(" Répondez à cette question");
        assertThat(refused.document().select(".error-summary a[href=#question_" + choice + "]").text())
                .isEqualTo("Êtes-vous membre du réseau ? – Répondez à cette question");
        assertThat(refused.document().select("#question_" + text).attr("value")).as("what was typed is kept").isEqualTo(SECRET);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isZero();

        Page signed = SignOnForm.filled(french.get(path), "Réseau Sud", "FR", "sud@example.org")
                .set("question_" + choice, "2").set("question_" + text, SECRET).submit();
        assertThat(signed.status()).isEqualTo(200);
        assertThat(app.db().<java.util.List<String>, RuntimeException>withHandle(h -> h.createQuery("SELECT answer FROM signature_answers ORDER BY question_id").mapTo(String.class).list()))
                .as("a choice is stored in the petition's own language").containsExactly("Partner", SECRET);
        confirm(mailbox.nth("sud@example.org", 1));

        String id = id("Réseau Sud");
        Page one = admin.get("/admin/statements/asks/signatures/" + id);
        assertThat(one.document().select("dl.answers").text()).isEqualTo("Are you a member of the network? Partner How did you hear of us? " + SECRET);
        String csv = admin.get("/admin/statements/asks/signatures.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",Are you a member of the network?,How did you hear of us?");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",Partner," + SECRET);
        JsonNode api = JSON.readTree(app.browser.send(app.browser.request("/api/v1/statements/asks/signatures")
                .header("Authorization", "Bearer " + token(admin)).GET()).body());
        assertThat(api.get("signatures").get(0).get("answers")).isEqualTo(JSON.readTree(
                "{\"question_" + choice + "\": \"Partner\", \"question_" + text + "\": \"" + SECRET + "\"}"));

        for (String page : new String[] {path, path + "?lang=fr", path + "/embed", "/api/v1/statements/asks"}) {
            Page shown = new Browser(app.url("")).get(page);
            assertThat(shown.status()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).contains(page.endsWith("/embed") ? "1 organisation has signed" : "Réseau Sud")
                    .doesNotContain(SECRET).doesNotContain("answers");
        }
    }

    @Test
    void coordinators_reorder_edit_and_remove_questions_and_removed_answers_stay_in_the_csv() {
        String path = app.statement("order");
        Browser admin = app.admin();
        for (String label : new String[] {"First question", "Second question"}) {
            admin.get("/admin/statements/order/questions").form("form[action$=/questions]").set("type", "checkbox").set("label_en", label).submit();
        }
        Page mismatched = admin.get("/admin/statements/order/questions").form("form[action$=/questions]").set("type", "choice")
                .set("label_en", "Pick one").set("options_en", "Only one").submit();
        assertThat(mismatched.status()).isEqualTo(400);
        assertThat(mismatched.document().select("#options_en-error").text()).isEqualTo("Error: Give between 2 and 20 answers to choose from, one per line");

        Page list = admin.get("/admin/statements/order/questions");
        long second = app.count("SELECT MAX(id) FROM petition_questions");
        Page moved = admin.post("/admin/statements/order/questions/" + second, java.util.Map.of("action", java.util.List.of("up"),
                "csrf", java.util.List.of(list.document().selectFirst("input[name=csrf]").attr("value"))));
        assertThat(moved.status()).isEqualTo(303);
        assertThat(app.browser.get(path).document().select("fieldset.questions label").eachText())
                .containsExactly("Second question (optional)", "First question (optional)");

        SignOnForm.filled(app.browser.get(path), "Ticking Org", "BE", "tick@example.org").tick("question_" + second).submit();
        Page edit = admin.get("/admin/statements/order/questions/" + second);
        assertThat(edit.form("form.petition-form").set("label_en", "Second question, reworded").tick("required").submit().status()).isEqualTo(303);
        Page removed = admin.post("/admin/statements/order/questions/" + second, java.util.Map.of("action", java.util.List.of("remove"),
                "csrf", java.util.List.of(list.document().selectFirst("input[name=csrf]").attr("value"))));
        assertThat(removed.status()).isEqualTo(303);
        assertThat(app.browser.get(path).document().select("fieldset.questions label").eachText()).containsExactly("First question (optional)");
        assertThat(admin.get("/admin/statements/order/questions/" + second).status()).as("a removed question is no longer edited").isEqualTo(404);
        String csv = admin.get("/admin/statements/order/signatures.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",\"Second question, reworded\",First question");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",yes,");
        assertThat(app.db().<java.util.List<String>, RuntimeException>withHandle(h -> h.createQuery("SELECT action FROM audit_log WHERE action LIKE 'question%' ORDER BY id")
                .mapTo(String.class).list())).containsExactly("question_add", "question_add", "question_move", "question_edit", "question_remove");
    }

    private static String token(Browser admin) {
        Page created = admin.get("/admin/tokens").form("form[action=/admin/tokens]").set("name", "CRM").set("scope", "read").submit();
        return created.document().selectFirst("[data-token]").attr("data-token");
    }
}
