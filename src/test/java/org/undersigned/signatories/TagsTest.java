package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;

/** Coordinators tag signatures, filter and export by tag, and list the initiators first in public. */
class TagsTest extends AppTest {

    private Page tag(Browser admin, String query, List<String> ids, String tag, String action) {
        List<String> csrf = admin.get("/admin/statements/tagged").form("form#moderation").fields().get("csrf");
        return admin.post("/admin/statements/tagged/tags" + query,
                Map.of("csrf", csrf, "ids", ids, "tag", List.of(tag), "tag_action", List.of(action)));
    }

    @Test
    void tags_filter_the_list_and_appear_in_the_csv_and_the_api() throws Exception {
        app.statement("tagged");
        signAndConfirm("/statements/tagged", "Alpha Org", "BE", "alpha@example.org");
        signAndConfirm("/statements/tagged", "Beta Org", "FR", "beta@example.org");
        signAndConfirm("/statements/tagged", "Gamma Org", "DE", "gamma@example.org");
        String alpha = id("Alpha Org");
        String beta = id("Beta Org");
        Browser admin = app.admin();

        Page tagged = tag(admin, "?country=", List.of(alpha, beta), "  Member ", "add");
        assertThat(tagged.status()).isEqualTo(303);
        assertThat(admin.follow(tagged).text()).contains("Tag “Member” added to 2 signatures.");
        Page one = admin.get("/admin/statements/tagged/signatures/" + alpha).form("form.tag-form").set("tag", "MEMBER").submit();
        assertThat(one.status()).as("the same tag whatever its case: nothing to add").isEqualTo(303);
        assertThat(admin.get("/admin/statements/tagged/signatures/" + alpha).form("form.tag-form").set("tag", "initiator").submit().status())
                .isEqualTo(303);

        Page filtered = admin.get("/admin/statements/tagged?tag=member");
        assertThat(filtered.document().select(".signatories-table tbody th a").eachText()).containsExactlyInAnyOrder("Alpha Org", "Beta Org");
        assertThat(filtered.document().select("#filter-tag option[selected]").text()).isEqualTo("Member (2)");
        assertThat(admin.get("/admin/statements/tagged?tag=initiator").document().select(".signatories-table tbody th a").eachText())
                .containsExactly("Alpha Org");

        String csv = admin.get("/admin/statements/tagged/signatures.csv?sort=name").body();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).endsWith(",Source,Shown publicly,Tags");
        assertThat(lines.get(1)).startsWith("Alpha Org,").endsWith(",Sign-on form,By name,\"initiator, Member\"");
        assertThat(lines.get(2)).startsWith("Beta Org,").endsWith(",Sign-on form,By name,Member");
        assertThat(lines.get(3)).startsWith("Gamma Org,").endsWith(",Sign-on form,By name,");
        assertThat(admin.get("/admin/statements/tagged/signatures.csv?tag=member").body().lines()).hasSize(3);

        String token = admin.get("/admin/tokens").form("form[action=/admin/tokens]").set("name", "crm").set("scope", "read").submit()
                .document().selectFirst("[data-token]").attr("data-token");
        JsonNode rows = new ObjectMapper().readTree(app.browser.send(app.browser.request("/api/v1/statements/tagged/signatures")
                .header("Authorization", "Bearer " + token).GET()).body()).get("signatures");
        assertThat(rows.get(0).get("organisation").asText()).isEqualTo("Alpha Org");
        assertThat(rows.get(0).get("tags").toString()).isEqualTo("[\"initiator\",\"Member\"]");
        assertThat(rows.get(2).get("tags").toString()).isEqualTo("[]");

        Page removed = tag(admin, "", List.of(alpha, beta), "member", "remove");
        assertThat(admin.follow(removed).text()).contains("Tag “Member” removed from 2 signatures.");
        assertThat(admin.get("/admin/statements/tagged").document().select("#filter-tag option").eachText())
                .as("a tag no signature carries is forgotten").containsExactly("Any", "initiator (1)");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('tag', 'untag')")).isEqualTo(3);
    }

    @Test
    void a_bad_tag_name_is_refused_with_a_clear_message_and_nothing_changes() {
        app.statement("tagged");
        signAndConfirm("/statements/tagged", "Alpha Org", "BE", "alpha@example.org");
        String alpha = id("Alpha Org");
        Browser admin = app.admin();

        Page refused = tag(admin, "", List.of(alpha), "members, initiators", "add");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary li").eachText()).containsExactly(
                "A tag starts with a letter or a digit and holds only letters, digits, spaces and . _ - ' & + (no comma)");
        assertThat(refused.document().select("#tag").val()).isEqualTo("members, initiators");
        assertThat(refused.document().select("#sel-" + alpha).hasAttr("checked")).as("the selection kept").isTrue();

        Page tooLong = admin.get("/admin/statements/tagged/signatures/" + alpha).form("form.tag-form").set("tag", "x".repeat(33)).submit();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.document().select(".error-summary li").eachText()).containsExactly("The tag must be 32 characters or fewer");
        assertThat(tag(admin, "", List.of(alpha), " ", "add").document().select(".error-summary li").eachText())
                .containsExactly("Enter the name of the tag");
        assertThat(app.count("SELECT COUNT(*) FROM signature_tags") + app.count("SELECT COUNT(*) FROM tags")).isZero();
    }

    @Test
    void initiators_are_listed_first_on_the_public_page_and_embed_when_the_statement_asks_for_it() {
        app.statement("tagged");
        signAndConfirm("/statements/tagged", "Alpha Org", "BE", "alpha@example.org");
        signAndConfirm("/statements/tagged", "Zeta Org", "BE", "zeta@example.org");
        signAndConfirm("/statements/tagged", "Omega Org", "AT", "omega@example.org");
        Browser admin = app.admin();
        assertThat(app.browser.get("/statements/tagged").document().select("#signatories li").eachText())
                .containsExactly("Omega Org", "Alpha Org", "Zeta Org");

        tag(admin, "", List.of(id("Zeta Org")), "Initiator", "add");
        assertThat(app.browser.get("/statements/tagged").document().select("#signatories li").eachText())
                .as("the setting is off: the tag alone changes nothing in public").containsExactly("Omega Org", "Alpha Org", "Zeta Org");

        Page on = admin.get("/admin/statements/tagged").form("form.initiators-first").tick("initiators_first").submit();
        assertThat(on.status()).isEqualTo(303);
        Page page = app.browser.get("/statements/tagged");
        assertThat(page.document().select("#initiators").text()).isEqualTo("Initiated by (1)");
        assertThat(page.document().select("#signatories li").eachText()).containsExactly("Zeta Org Belgium", "Omega Org", "Alpha Org");
        assertThat(page.document().select("#count").text()).isEqualTo("3 organisations have signed");
        assertThat(app.browser.get("/statements/tagged/embed").document().select(".embed-initiators").text())
                .isEqualTo("Initiated by: Zeta Org");

        tag(admin, "", List.of(id("Alpha Org")), "initiator", "add");
        assertThat(app.browser.get("/statements/tagged").document().select("ul.initiators li").eachText())
                .as("a cached page follows the tag at once").containsExactly("Alpha Org Belgium", "Zeta Org Belgium");
        List<String> audited = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'initiators_first'")
                .mapTo(String.class).list());
        assertThat(audited).containsExactly("on");
    }
}
