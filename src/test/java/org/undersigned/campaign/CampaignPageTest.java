package org.undersigned.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SupporterForm;

class CampaignPageTest extends AppTest {

    @Test
    void the_page_shows_its_image_the_bar_towards_the_next_step_and_recent_signatures_by_country_only() {
        String campaign = app.campaign("clinics", "Health care without fear", 5);
        app.db().useHandle(h -> h.execute("""
                UPDATE petitions SET goal_steps = '2, 5', image_url = '/demo/clinic.svg', image_alt = 'A clinic door'
                WHERE slug = 'clinics'"""));
        for (String[] s : new String[][] {{"Amina", "BE"}, {"Bert", "BE"}, {"Chloé", "FR"}}) {
            String email = s[0].toLowerCase(java.util.Locale.ROOT).replace("é", "e") + "@example.org";
            SupporterForm.sign(app.browser, campaign, s[0], s[1], email);
            confirm(mailbox.nth(email, 1));
        }

        Page page = app.browser.get(campaign);
        Element image = page.document().selectFirst(".campaign-image img");
        assertThat(image.attr("src")).isEqualTo("/demo/clinic.svg");
        assertThat(image.attr("alt")).isEqualTo("A clinic door");
        assertThat(image.attr("width")).isEqualTo("1200");
        assertThat(image.attr("height")).isEqualTo("630");
        // 3 signatures, steps 2 and 5: the step of 2 is passed and the bar heads for 5
        Element progress = page.document().selectFirst("#counter progress");
        assertThat(progress.attr("max")).isEqualTo("5");
        assertThat(progress.attr("value")).isEqualTo("3");
        assertThat(page.document().selectFirst("#counter").text()).isEqualTo("3 people have signed of a goal of 5 3 / 5 2 more signatures to reach 5 Goal of 2 reached. On to the next one.");
        // newest first, neighbours from one country counted together; nothing of a supporter but the country
        assertThat(page.document().select(".recent-list .recent-who").eachText()).containsExactly("A supporter from France", "2 supporters from Belgium");
        assertThat(page.document().select(".recent-list .recent-when").eachText()).containsExactly("just now", "just now");
        assertThat(page.body()).doesNotContain("Amina", "Bert", "Chloé", "@example.org", "Supporter</");
        // the form comes before the text, so that on a phone it is near the top
        assertThat(page.body().indexOf("id=\"sign-on\"")).isLessThan(page.body().indexOf("class=\"prose campaign-text\""));
        assertThat(app.browser.get("/demo/clinic.svg").status()).isEqualTo(200);

        // past the last step, the next goal comes from the automatic steps (10, 25, 50, 100 ...)
        app.db().useHandle(h -> h.execute("UPDATE petitions SET goal_steps = '1, 2' WHERE slug = 'clinics'"));
        Page beyond = app.browser.get(campaign);
        assertThat(beyond.document().selectFirst("#counter progress").attr("max")).isEqualTo("10");
        assertThat(beyond.document().selectFirst(".goal-reached").text()).isEqualTo("Goal of 2 reached. On to the next one.");
    }

    @Test
    void an_image_on_another_host_stays_in_social_previews_and_is_not_loaded_by_the_page() {
        String campaign = app.campaign("clinics", "Health care without fear", 500);
        app.db().useHandle(h -> h.execute("UPDATE petitions SET image_url = 'https://images.example.net/clinic.jpg' WHERE slug = 'clinics'"));
        Page page = new Browser(app.url("")).get(campaign);
        assertThat(page.document().select("meta[property=og:image]").attr("content")).isEqualTo("https://images.example.net/clinic.jpg");
        assertThat(page.document().select("img")).isEmpty();
        assertThat(page.document().selectFirst("#counter progress").attr("max")).isEqualTo("500");
    }
}
