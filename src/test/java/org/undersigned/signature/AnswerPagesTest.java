package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/**
 * The pages a sign-on and a confirmation answer with are rendered once per petition, language and
 * layout (the "check your email" page then given each signer's address): every signer must still
 * see their own address, in their language, under the petition's current title, and nobody
 * else's.
 */
class AnswerPagesTest extends AppTest {
    String statement;

    @BeforeEach
    void start() {
        statement = app.statement("regularise-now", "Regularise & protect", "We, the undersigned, call for regularisation.", "open");
    }

    @Test
    void each_signer_sees_their_own_address_and_characters_of_markup_in_it_stay_text() {
        Page first = SignOnForm.sign(app.browser, statement, "First Network", "BE", "first@network.example.org");
        Page second = SignOnForm.sign(app.browser, statement, "O'Neil & Partners", "IE", "o'neil&partners@example.org");
        Page third = SignOnForm.sign(app.browser, statement, "Third Network", "FR", "third@network.example.org");

        assertThat(first.h1()).isEqualTo("Check your email");
        assertThat(first.document().select("[role=status] strong").text()).isEqualTo("first@network.example.org");
        assertThat(second.document().select("[role=status] strong").text()).isEqualTo("o'neil&partners@example.org");
        assertThat(second.body()).contains("o&#39;neil&amp;partners@example.org").doesNotContain("first@network");
        assertThat(third.document().select("[role=status] strong").text()).isEqualTo("third@network.example.org");
        assertThat(third.body()).doesNotContain("neil").doesNotContain("first@network").doesNotContain("\uE000");
        assertThat(third.text()).contains("Back to \"Regularise & protect\"");
        assertThat(withoutHandles(third.body().replace("third@network.example.org", "first@network.example.org")))
                .as("the same page but for the address and its handle").isEqualTo(withoutHandles(first.body()));
        assertThat(third.document().select("input[name=handle]").eachAttr("value")).hasSize(2)
                .doesNotContainAnyElementsOf(first.document().select("input[name=handle]").eachAttr("value"));
    }

    @Test
    void the_page_comes_in_the_signers_language_and_with_the_title_as_it_is_now() {
        Page english = SignOnForm.sign(app.browser, statement, "English Network", "BE", "en@network.example.org");
        Browser french = new Browser(app.config.web().baseUrl()).language("fr");
        Page inFrench = SignOnForm.sign(french, statement, "Réseau Français", "FR", "fr@reseau.example.org");
        assertThat(english.h1()).isEqualTo("Check your email");
        assertThat(inFrench.h1()).isEqualTo("Consultez vos e-mails");
        assertThat(inFrench.document().selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(inFrench.document().select("[role=status] strong").text()).isEqualTo("fr@reseau.example.org");

        app.db().useHandle(h -> h.execute("UPDATE petitions SET title = 'Regularisation for all' WHERE slug = 'regularise-now'"));
        Page afterEdit = SignOnForm.sign(app.browser, statement, "Late Network", "NL", "late@network.example.org");
        assertThat(afterEdit.text()).contains("Back to \"Regularisation for all\"").doesNotContain("Regularise & protect");
        assertThat(afterEdit.document().select("[role=status] strong").text()).isEqualTo("late@network.example.org");
    }

    @Test
    void the_confirmed_page_is_the_same_for_every_signer_and_holds_nothing_of_theirs() {
        SignOnForm.sign(app.browser, statement, "Alpha Collective", "BE", "alpha@collective.example.org");
        SignOnForm.sign(app.browser, statement, "Beta Union", "DE", "beta@union.example.org");
        Page alpha = confirm(mailbox.nth("alpha@collective.example.org", 1));
        Page beta = confirm(mailbox.nth("beta@union.example.org", 1));

        assertThat(alpha.h1()).isEqualTo("Thank you, your signature is confirmed");
        assertThat(alpha.text()).contains("Regularise & protect");
        assertThat(alpha.document().select(".share-links a")).hasSize(8);
        assertThat(alpha.header("Cache-Control")).isEqualTo("no-store");
        // the same page but for the signer's number, which names no one
        assertThat(alpha.document().selectFirst(".signer-number").text()).isEqualTo("Your organisation is the 1st signatory of this statement.");
        assertThat(beta.document().selectFirst(".signer-number").text()).isEqualTo("Your organisation is the 2nd signatory of this statement.");
        assertThat(withoutNumber(beta.body())).isEqualTo(withoutNumber(alpha.body())).doesNotContain("Alpha", "alpha@", "Beta", "beta@");
        assertThat(app.browser.get(statement).document().select("#signatories li").eachText())
                .containsExactlyInAnyOrder("Alpha Collective", "Beta Union");

        Browser french = new Browser(app.config.web().baseUrl()).language("fr");
        SignOnForm.sign(french, statement, "Gamma Réseau", "FR", "gamma@reseau.example.org");
        ReceivedMail gamma = mailbox.nth("gamma@reseau.example.org", 1);
        Page inFrench = french.get(gamma.linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
        assertThat(inFrench.document().selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(inFrench.h1()).isNotEqualTo(alpha.h1());
        // the link carries the French signer's language: in an English browser too, the page answers in French
        assertThat(app.browser.get(gamma.linkTo("/confirm/")).h1()).isEqualTo("Cette signature est déjà confirmée");
    }

    private static String withoutNumber(String page) {
        return page.replaceAll("<p class=\"signer-number\">[^<]*</p>", "<p class=\"signer-number\"></p>");
    }

    private static String withoutHandles(String page) {
        return page.replaceAll("name=\"handle\" value=\"[^\"]*\"", "name=\"handle\"");
    }
}
