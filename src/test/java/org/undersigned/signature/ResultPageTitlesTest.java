package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SignOnForm;

/** The tab's title names what the heading says on every page a signer reaches from a form or a mail. */
class ResultPageTitlesTest extends AppTest {

    @Test
    void every_result_page_has_the_heading_as_its_title_in_every_language() {
        for (String lang : new String[] {"en", "fr", "es"}) {
            Map<String, Page> pages = journey(lang);
            String site = "undersigned";
            pages.forEach((name, page) -> {
                assertThat(page.h1()).as(lang + " " + name + " heading").isNotBlank();
                assertThat(page.document().title()).as(lang + " " + name).isEqualTo(page.h1() + " – " + site);
            });
        }
    }

    @Test
    void a_second_visit_to_a_confirmation_link_is_titled_already_confirmed() {
        String statement = app.statement("second");
        SignOnForm.sign(app.browser, statement, "Second Org", "BE", "second@example.org");
        ReceivedMail mail = mailbox.nth("second@example.org", 1);
        confirm(mail);
        Page again = app.browser.get(mail.linkTo("/confirm/"));
        assertThat(again.document().title()).isEqualTo("This signature is already confirmed – undersigned");
        assertThat(again.h1()).isEqualTo("This signature is already confirmed");
    }

    /** Every page of a signer's journey, in the order met, read in one language. */
    private Map<String, Page> journey(String lang) {
        Browser browser = new Browser(app.url("")).language(lang);
        String statement = app.statement("titles-" + lang);
        String reviewed = app.statement("reviewed-" + lang);
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = ?", "reviewed-" + lang));
        Map<String, Page> pages = new LinkedHashMap<>();
        String email = "titles-" + lang + "@example.org";
        pages.put("check your email", SignOnForm.filled(browser.get(statement), "Title Org", "BE", email).set("updates", "yes").submit());
        ReceivedMail confirmation = mailbox.nth(email, 1);
        Page pending = browser.get(confirmation.linkTo("/confirm/"));
        pages.put("confirm", pending);
        pages.put("confirmed", pending.form("form[action^=/confirm/]").submit());
        pages.put("already confirmed", browser.get(confirmation.linkTo("/confirm/")));
        ReceivedMail thanks = mailbox.nth(email, 2);
        pages.put("unsubscribe", browser.get(thanks.linkTo("/unsubscribe/")));
        pages.put("unsubscribed", pages.get("unsubscribe").form("form[action^=/unsubscribe/]").submit());
        Page manage = browser.get(thanks.linkTo("/manage/"));
        pages.put("manage", manage);
        pages.put("withdrawn now", manage.form("form[action$=/withdraw]").submit());
        pages.put("withdrawn again", manage.form("form[action$=/withdraw]").submit());
        pages.put("withdrawn", browser.get(thanks.linkTo("/manage/")));
        pages.put("confirm link of a withdrawn signature", browser.get(confirmation.linkTo("/confirm/")));

        String other = "reviewed-" + lang + "@example.org";
        SignOnForm.sign(browser, reviewed, "Reviewed Org", "BE", other);
        pages.put("confirmed, awaiting review", confirm(browser, mailbox.nth(other, 1)));

        String late = "late-" + lang + "@example.org";
        SignOnForm.sign(browser, statement, "Late Org", "BE", late);
        app.clock.advance(Duration.ofDays(31));
        pages.put("expired", browser.get(mailbox.nth(late, 1).linkTo("/confirm/")));
        app.clock.advance(Duration.ofDays(-31));
        pages.put("unknown confirmation link", browser.get("/confirm/not-a-token"));
        pages.put("unknown manage link", browser.get("/manage/not-a-token"));
        pages.put("unknown unsubscribe link", browser.get("/unsubscribe/not-a-token"));
        return pages;
    }

    private static Page confirm(Browser browser, ReceivedMail mail) {
        return browser.get(mail.linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
    }
}
