package org.undersigned.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;
import org.undersigned.support.SupporterForm;

class HomeTest extends AppTest {

    @Test
    void home_lists_open_petitions_with_their_counts_and_the_archive_the_closed_ones() {
        String campaign = app.campaign("clinics", "Health care without fear", 500);
        app.db().useHandle(h -> h.execute("UPDATE petitions SET image_url = '/demo/clinic.svg' WHERE slug = 'clinics'"));
        SupporterForm.sign(app.browser, campaign, "Amina", "BE", "amina@example.org");
        confirm(mailbox.nth("amina@example.org", 1));
        SupporterForm.sign(app.browser, campaign, "Pending", "BE", "pending@example.org"); // not confirmed: not counted
        app.statement("ended", "An ended statement", "We agreed.", "closed");

        Page home = app.browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select(".card h3").eachText()).containsExactly("Health care without fear");
        assertThat(home.document().selectFirst(".card .card-count").text()).isEqualTo("1 person has signed");
        assertThat(home.document().selectFirst(".card img").attr("src")).isEqualTo("/demo/clinic.svg");
        assertThat(home.document().selectFirst(".card img").attr("alt")).isEmpty(); // the title beside it says what it is
        assertThat(home.text()).doesNotContain("An ended statement");
        assertThat(home.document().select("a[href=/archive]").eachText()).containsExactly("See closed statements and campaigns");

        Page archive = app.browser.get("/archive");
        assertThat(archive.status()).isEqualTo(200);
        assertThat(archive.document().select(".card h3").eachText()).containsExactly("An ended statement");
        assertThat(archive.document().selectFirst(".card .card-count").text()).startsWith("0 organisations have signed");
        assertThat(archive.document().select(".pagination")).isEmpty();
        assertThat(app.browser.get("/archive?page=x").status()).isEqualTo(200);
    }

    @Test
    void the_archive_is_paginated_when_long() {
        for (int i = 1; i <= HomeRoutes.ARCHIVE_PAGE + 1; i++) app.statement("old-" + i, "Old statement " + i, "Done.", "closed");
        Page first = app.browser.get("/archive");
        assertThat(first.document().select(".card")).hasSize(HomeRoutes.ARCHIVE_PAGE);
        assertThat(first.document().select(".pagination a[rel=next]").attr("href")).isEqualTo("/archive?page=2");
        Page second = app.browser.get("/archive?page=2");
        assertThat(second.document().select(".card")).hasSize(1);
        assertThat(second.document().select(".pagination a[rel=prev]").attr("href")).isEqualTo("/archive?page=1");
    }
}
