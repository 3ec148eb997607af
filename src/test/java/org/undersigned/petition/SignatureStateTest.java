package org.undersigned.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;

/**
 * A signature's state is defined once (the signatures.state column): the public list and JSON,
 * the coordinators' counts, filter and CSV, and the dashboard all agree on every combination.
 */
class SignatureStateTest extends AppTest {
    /** status, moderation, suspect: the state each combination is in. */
    private record Case(String organisation, String status, String moderation, String suspect, SignatureState expected) {}

    private static final List<Case> CASES = List.of(
            new Case("Pending Org", "pending", "none", null, SignatureState.PENDING),
            new Case("Suspect Org", "pending", "none", "address", SignatureState.SUSPECT),
            new Case("Listed Org", "confirmed", "none", null, SignatureState.LISTED),
            new Case("Approved Org", "confirmed", "approved", null, SignatureState.LISTED),
            new Case("Awaiting Org", "confirmed", "awaiting", null, SignatureState.AWAITING),
            new Case("Rejected Org", "confirmed", "rejected", null, SignatureState.REJECTED),
            new Case("Withdrawn Org", "withdrawn", "none", null, SignatureState.WITHDRAWN));

    @BeforeEach
    void signatures() {
        app.statement("states");
        app.db().useHandle(h -> {
            h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('x', 'en', 'x', 0)");
            int i = 0;
            for (Case c : CASES) {
                i++;
                h.createUpdate("""
                                INSERT INTO signatures (petition_id, status, moderation, suspect, email, email_key, organisation, org_type,
                                                        contact_name, country, locale, consent_hash, created_at, confirmed_at)
                                SELECT id, :status, :moderation, :suspect, :email, :email, :org, 'ngo', 'Someone', 'BE', 'en', 'x', :at, :at
                                FROM petitions WHERE slug = 'states'""")
                        .bind("status", c.status()).bind("moderation", c.moderation()).bind("suspect", c.suspect())
                        .bind("email", "s" + i + "@example.org").bind("org", c.organisation()).bind("at", app.clock.millis() + i).execute();
            }
        });
    }

    @Test
    void each_combination_has_exactly_one_state_as_the_enum_names_it() {
        for (Case c : CASES) {
            String state = app.db().withHandle(h -> h.createQuery("SELECT state FROM signatures WHERE organisation = :org")
                    .bind("org", c.organisation()).mapTo(String.class).one());
            assertThat(SignatureState.of(state)).as(c.organisation()).contains(c.expected());
        }
    }

    @Test
    void the_public_list_the_json_the_counts_the_filter_the_csv_and_the_dashboard_agree() throws Exception {
        Page page = app.browser.get("/statements/states");
        assertThat(page.document().select("#signatories li").eachText()).containsExactlyInAnyOrder("Listed Org", "Approved Org");

        JsonNode json = new ObjectMapper().readTree(app.browser.get("/api/v1/statements/states").body());
        assertThat(json.get("signatureCount").asInt()).isEqualTo(2);
        assertThat(json.get("signatories").findValuesAsText("organisation")).containsExactly("Approved Org", "Listed Org");

        Browser admin = app.admin();
        Page list = admin.get("/admin/statements/states");
        Map<String, String> figures = new java.util.HashMap<>();
        list.document().select("dl div").forEach(d -> figures.put(d.selectFirst("dt").text(), d.selectFirst("dd").text()));
        assertThat(figures).containsEntry("Listed", "2").containsEntry("Held (rate limit, robot check or throwaway address)", "1").containsEntry("Waiting for email confirmation", "1").containsEntry("Awaiting approval", "1").containsEntry("Withdrawn", "1");
        for (SignatureState state : SignatureState.values()) {
            long expected = CASES.stream().filter(c -> c.expected() == state).count();
            assertThat(admin.get("/admin/statements/states?status=" + state.code()).text()).as(state.code())
                    .contains(expected + " found");
        }
        assertThat(admin.get("/admin/statements/states?status=confirmed").text()).as("the old word for listed").contains("2 found");

        List<String> csv = admin.get("/admin/statements/states/signatures.csv").body().lines().skip(1).toList();
        assertThat(csv).hasSize(CASES.size());
        for (Case c : CASES) {
            assertThat(csv).filteredOn(line -> line.startsWith(c.organisation() + ",")).singleElement().asString()
                    .contains("," + c.expected().code() + ",");
        }

        Page dashboard = admin.get("/admin");
        List<String> row = dashboard.document().select("tr:has(a[href*=states]) td.num").eachText();
        assertThat(row).as("listed, awaiting, suspect, pending, withdrawn").containsExactly("2", "1", "1", "1", "1");
    }
}
