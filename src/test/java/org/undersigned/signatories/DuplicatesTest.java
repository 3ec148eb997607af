package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** Coordinators find likely duplicates among a statement's organisations, merge two into one or mark them distinct. */
class DuplicatesTest extends AppTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Signs without a website, so that only what the test gives (name, mail domain) can match, and confirms. */
    private void sign(String organisation, String country, String email) {
        SignOnForm.filled(app.browser.get("/statements/dupes"), organisation, country, email).set("website", "").submit();
        confirm(mailbox.nth(email, 1));
    }

    private long publicCount() throws Exception {
        return JSON.readTree(app.browser.get("/api/v1/statements/dupes").body()).get("signatureCount").asLong();
    }

    private static Element row(Page page, String id) {
        return page.document().selectFirst("#sel-" + id).closest("tr");
    }

    @Test
    void names_equal_but_for_case_are_flagged_and_merging_keeps_the_chosen_fields_the_earliest_time_and_both_rows_in_the_audit()
            throws Exception {
        app.statement("dupes");
        sign("Platform for Migrant Rights Brussels", "BE", "first@gmail.com");
        sign("platform for migrant rights brussels", "FR", "second@gmail.com");
        sign("Unrelated Org", "BE", "third@gmail.com");
        String first = id("Platform for Migrant Rights Brussels");
        String second = id("platform for migrant rights brussels");
        assertThat(publicCount()).isEqualTo(3);
        long firstSigned = app.count("SELECT created_at FROM signatures WHERE id = " + first);
        Browser admin = app.admin();

        Page list = admin.get("/admin/statements/dupes");
        assertThat(list.document().select("#duplicates-notice").text()).startsWith("1 pair of signatures look like the same organisation.");
        assertThat(row(list, first).select(".duplicate-flag").text())
                .isEqualTo("Likely duplicate of platform for migrant rights brussels (same name)");
        assertThat(row(list, second).select(".duplicate-flag").text())
                .isEqualTo("Likely duplicate of Platform for Migrant Rights Brussels (same name)");
        assertThat(row(list, id("Unrelated Org")).select(".duplicate-flag")).as("the same webmail provider is no evidence").isEmpty();

        Page compare = admin.get(row(list, first).selectFirst(".duplicate-flag").attr("href"));
        assertThat(compare.status()).isEqualTo(200);
        Form merge = compare.form("form#decision");
        assertThat(merge.fields().get("keep_organisation")).as("the survivor's own value, chosen first").containsExactly(first);
        Page merged = merge.set("keep_organisation", first).set("keep_country", second).set("keep_email", second)
                .set("decision", "merge").submit();

        assertThat(merged.status()).isEqualTo(303);
        assertThat(merged.header("Location")).isEqualTo("/admin/statements/dupes/signatures/" + first + "?merged=1");
        assertThat(publicCount()).as("the public count drops by one").isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE id = " + first + " AND organisation = 'Platform for Migrant Rights Brussels'"
                + " AND country = 'FR' AND email = 'second@gmail.com' AND email_key IS NOT NULL AND state = 'listed'"
                + " AND created_at = " + firstSigned)).isEqualTo(1);
        String detail = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'merge_signatures'")
                .mapTo(String.class).one());
        assertThat(detail).startsWith("#" + second + " merged into #" + first + " (organisation from #" + first + ", display_name from #" + first
                        + ", country from #" + second)
                .contains("#" + first + " was: organisation \"Platform for Migrant Rights Brussels\", country \"BE\"",
                        "#" + second + " was: organisation \"platform for migrant rights brussels\", country \"FR\"",
                        "email \"first@gmail.com\"", "email \"second@gmail.com\"", "contact_name \"Contact of platform for migrant rights brussels\"");
        assertThat(admin.follow(merged).text()).contains("The two signatures were merged into this one.", "second@gmail.com");
        assertThat(admin.get("/admin/statements/dupes").document().select(".duplicate-flag")).isEmpty();
        assertThat(admin.get("/admin/audit").text()).contains("Merged two signatures");

        Page again = admin.post(compare.form("form#decision").action(), merge.fields());
        assertThat(again.status()).as("the merged-away row is gone: a second merge changes nothing").isEqualTo(409);
        assertThat(again.document().select(".error-summary li").eachText())
                .containsExactly("One of the two signatures was withdrawn, rejected or merged meanwhile: nothing was changed.");
    }

    @Test
    void two_offices_sharing_a_mail_domain_are_flagged_until_marked_distinct() {
        app.statement("dupes");
        sign("Oxfam North", "BE", "north@oxfam-solidarity.be");
        sign("Oxfam South", "BE", "south@oxfam-solidarity.be");
        String north = id("Oxfam North");
        String south = id("Oxfam South");
        Browser admin = app.admin();
        assertThat(row(admin.get("/admin/statements/dupes"), north).select(".duplicate-flag").text())
                .isEqualTo("Likely duplicate of Oxfam South (same domain oxfam-solidarity.be)");
        Page pairs = admin.get("/admin/statements/dupes/duplicates");
        assertThat(pairs.document().select(".duplicates-table tbody tr")).hasSize(1);

        Page marked = admin.get("/admin/statements/dupes/duplicates/" + north + "/" + south).form("form#decision")
                .set("decision", "distinct").submit();

        assertThat(marked.status()).isEqualTo(303);
        assertThat(admin.follow(marked).text()).contains("Marked as different organisations: they are no longer flagged.", "No likely duplicates.");
        Page list = admin.get("/admin/statements/dupes");
        assertThat(list.document().select(".duplicate-flag, #duplicates-notice")).isEmpty();
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).as("both kept").isEqualTo(2);
        String detail = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'mark_distinct'")
                .mapTo(String.class).one());
        assertThat(detail).isEqualTo("#" + north + " \"Oxfam North\" and #" + south + " \"Oxfam South\"");
    }

    @Test
    void a_decision_without_a_choice_is_refused_with_a_message() {
        app.statement("dupes");
        sign("Same Org", "BE", "a@gmail.com");
        sign("same org", "BE", "b@gmail.com");
        Browser admin = app.admin();
        Page compare = admin.get("/admin/statements/dupes/duplicates/" + id("Same Org") + "/" + id("same org"));

        Page refused = compare.form("form#decision").submit();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary li").eachText())
                .containsExactly("Choose whether to merge the two signatures or to keep them as different organisations");
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(2);
        assertThat(admin.get("/admin/statements/dupes/duplicates/" + id("Same Org") + "/" + id("Same Org")).status()).isEqualTo(404);
    }
}
