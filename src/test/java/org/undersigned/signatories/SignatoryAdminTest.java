package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

class SignatoryAdminTest extends AppTest {

    @Test
    void sign_ons_that_need_approval_wait_in_the_queue_until_approved() {
        app.statement("vetted", "Vetted statement", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'vetted'"));
        signAndConfirm("/statements/vetted", "Good Org", "BE", "good@example.org");
        signAndConfirm("/statements/vetted", "Troll Org", "BE", "troll@example.org");
        assertThat(app.browser.get("/statements/vetted").text()).contains("0 organisations have signed").doesNotContain("Good Org");

        Browser admin = app.admin();
        Page queue = admin.get("/admin/statements/vetted?status=awaiting");
        assertThat(queue.document().select(".signatories-table tbody th").eachText()).containsExactlyInAnyOrder("Good Org", "Troll Org");

        var form = queue.form("form#moderation");
        form.set("ids", id("Good Org")).set("decision", "approve");
        assertThat(form.submit().status()).isEqualTo(303);
        var reject = admin.get("/admin/statements/vetted?status=awaiting").form("form#moderation");
        reject.set("ids", id("Troll Org")).set("decision", "reject").set("note", "Not a real organisation");
        reject.submit().form("form[action$=/moderation]").submit(); // the confirming step

        Page page = app.browser.get("/statements/vetted");
        assertThat(page.document().select("#signatories li").eachText()).containsExactly("Good Org");
        assertThat(page.text()).contains("1 organisation has signed");
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('approve', 'reject')")).isEqualTo(2);
        assertThat(admin.get("/admin/statements/vetted?status=rejected").text()).contains("Troll Org");
    }

    @Test
    void approving_many_at_once() {
        app.statement("bulk", "Bulk", "Text", "open");
        app.db().useHandle(h -> h.execute("UPDATE petitions SET needs_approval = TRUE WHERE slug = 'bulk'"));
        for (int i = 0; i < 3; i++) signAndConfirm("/statements/bulk", "Org " + i, "FR", "org" + i + "@example.org");
        Browser admin = app.admin();
        var form = admin.get("/admin/statements/bulk").form("form#moderation");
        form.fields().put("ids", app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures").mapTo(String.class).list()));
        form.set("decision", "approve").submit();
        assertThat(app.browser.get("/statements/bulk").document().select("#signatories li")).hasSize(3);
    }

    @Test
    void a_corrected_name_is_listed_while_the_submitted_one_is_kept() {
        app.statement("names");
        signAndConfirm("/statements/names", "picum  platform", "BE", "p@example.org");
        Browser admin = app.admin();
        admin.get("/admin/statements/names/signatures/" + id("picum platform")).form("form[action*=/signatures/]")
                .set("display_name", "PICUM – Platform for International Cooperation on Undocumented Migrants").submit();

        assertThat(app.browser.get("/statements/names").document().select("#signatories li").eachText())
                .containsExactly("PICUM – Platform for International Cooperation on Undocumented Migrants");
        String csv = new String(admin.get("/admin/statements/names/signatures.csv").body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(csv).contains("PICUM – Platform for International Cooperation on Undocumented Migrants,picum platform,");

        Page tooLong = admin.get("/admin/statements/names/signatures/" + id("picum platform")).form("form[action*=/signatures/]")
                .set("display_name", "x".repeat(201)).submit();
        assertThat(tooLong.status()).isEqualTo(400);
        var another = admin.get("/admin/statements/names/signatures/" + id("picum platform")).form("form[action*=/signatures/]")
                .set("display_name", "Nobody");
        Page unknown = admin.post("/admin/statements/names/signatures/999999", another.fields());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(app.browser.get("/statements/names").document().select("#signatories li").eachText())
                .containsExactly("PICUM – Platform for International Cooperation on Undocumented Migrants");
    }

    @Test
    void the_csv_holds_the_rows_shown_quoted_and_with_formulas_neutralised() {
        app.statement("export");
        signAndConfirm("/statements/export", "=HYPERLINK(\"http://evil\",\"click\")", "BE", "f@example.org");
        signAndConfirm("/statements/export", "Smith, Jones & \"Partners\"", "FR", "s@example.org");
        signAndConfirm("/statements/export", "@SUM(A1)", "DE", "at@example.org");
        Browser admin = app.admin();

        Page all = admin.get("/admin/statements/export/signatures.csv");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Content-Type")).startsWith("text/csv");
        assertThat(all.header("Content-Disposition")).contains("export-signatures.csv");
        String body = all.body();
        assertThat(body).startsWith("\uFEFFOrganisation (as listed),Organisation (as submitted),Type,Type code,");
        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(body).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
        assertThat(body).contains("\"Smith, Jones & \"\"Partners\"\"\"");
        assertThat(body).contains("'@SUM(A1)");
        assertThat(body).contains("\r\n");
        assertThat(body).contains("f@example.org", "Contact of");

        Page filtered = admin.get("/admin/statements/export/signatures.csv?country=FR");
        assertThat(filtered.body().lines().toList()).hasSize(2);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'export'")).isEqualTo(2);
    }

    @Test
    void the_csv_reads_in_the_coordinators_language_with_the_separator_their_spreadsheet_expects() {
        app.statement("lisible");
        signAndConfirm("/statements/lisible", "Association; des Amis", "BE", "amis@example.org");
        Browser admin = app.admin().language("fr");

        Page page = admin.get("/admin/statements/lisible");
        assertThat(page.document().select("a[href*='signatures.csv']:not([href*=sep])").text()).isEqualTo("Télécharger ces 1 en CSV");
        assertThat(page.document().select("a[href$='signatures.csv?sort=newest&sep=comma']").text())
                .isEqualTo("ou avec des virgules, pour les tableurs en anglais");

        List<String> french = admin.get("/admin/statements/lisible/signatures.csv").body().lines().toList();
        assertThat(french.get(0)).startsWith("\uFEFFOrganisation (telle que listée);Organisation (telle que saisie);Type;Code du type;");
        List<String> row = List.of(french.get(1).split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
        assertThat(row.subList(0, 4)).containsExactly("\"Association; des Amis\"", "\"Association; des Amis\"",
                "Organisation non gouvernementale", "ngo");
        assertThat(row.get(8)).isEqualTo("Belgique");
        assertThat(row.get(9)).isEqualTo("BE");
        assertThat(row.get(12)).isEqualTo("Publiée");
        assertThat(row.get(13)).isEqualTo("listed");
        assertThat(row.get(14)).isEqualTo("Anglais (English)");
        assertThat(row.get(16)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(row).hasSize(SignatoryExport.COLUMNS.size());

        String commas = admin.get("/admin/statements/lisible/signatures.csv?sep=comma").body();
        assertThat(commas.lines().skip(1).findFirst().orElseThrow()).startsWith("Association; des Amis,Association; des Amis,");
        assertThat(app.admin().get("/admin/statements/lisible/signatures.csv").body())
                .as("English: commas, English headings and names").startsWith("\uFEFFOrganisation (as listed),")
                .contains(",Belgium,BE,");
    }

    @Test
    void search_filter_sort_and_pages_work_on_a_long_list() {
        app.statement("long");
        app.db().useHandle(h -> {
            h.execute("INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('x', 'en', 'x', 0)");
            var batch = h.prepareBatch("""
                    INSERT INTO signatures (petition_id, status, email, email_key, organisation, org_type, contact_name,
                                            country, locale, consent_hash, created_at, confirmed_at)
                    SELECT id, 'confirmed', :email, :email, :org, 'ngo', 'Someone', :country, 'en', 'x', :at, :at
                    FROM petitions WHERE slug = 'long'""");
            for (int i = 0; i < 120; i++) {
                batch.bind("email", "member" + i + "@network" + (i % 3) + ".example.org").bind("org", String.format("Member %03d", i))
                        .bind("country", i % 2 == 0 ? "BE" : "NL").bind("at", 1_000_000L + i).add();
            }
            batch.execute();
        });
        Browser admin = app.admin();
        Page first = admin.get("/admin/statements/long");
        assertThat(first.text()).contains("120 found", "Page 1 of 3");
        assertThat(first.document().select(".signatories-table tbody tr")).hasSize(50);
        assertThat(first.document().select(".signatories-table tbody th").first().text()).isEqualTo("Member 119");

        Page searched = admin.get("/admin/statements/long?q=network1&country=NL&sort=name");
        assertThat(searched.text()).contains("20 found");
        assertThat(searched.document().select(".signatories-table tbody th").first().text()).isEqualTo("Member 001");

        Page third = admin.get("/admin/statements/long?page=3");
        assertThat(third.document().select(".signatories-table tbody tr")).hasSize(20);

        Page odd = admin.get("/admin/statements/long?q=%25&sort=drop%20table&page=-4&status=nonsense");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.text()).contains("0 found");
    }

    @Test
    void a_coordinator_sees_only_what_is_assigned_to_them() {
        app.statement("theirs", "Their statement", "Text", "open");
        app.statement("mine", "My statement", "Text", "open");
        signAndConfirm("/statements/theirs", "Secret Org", "BE", "secret@example.org");
        long me = app.coordinator("coord@undersigned.test", "coordinator passphrase 1");
        app.assign("mine", me);
        Browser coordinator = app.loggedIn("coord@undersigned.test", "coordinator passphrase 1");

        assertThat(coordinator.get("/admin").document().select("table.admin-table a").eachText()).containsExactly("My statement");
        assertThat(coordinator.get("/admin/statements/theirs").status()).isEqualTo(404);
        Page csv = coordinator.get("/admin/statements/theirs/signatures.csv");
        assertThat(csv.status()).isEqualTo(404);
        assertThat(csv.body()).doesNotContain("secret@example.org");
        assertThat(coordinator.get("/admin/statements/theirs/edit").status()).isEqualTo(404);
        assertThat(coordinator.get("/admin/statements/mine").status()).isEqualTo(200);
        assertThat(coordinator.get("/admin/coordinators").status()).as("admins only").isEqualTo(403);
    }

    @Test
    void the_numbers_show_sign_ups_per_day_and_listed_counts_by_country_and_type() {
        app.statement("figures");
        signAndConfirm("/statements/figures", "Counted Org", "BE", "c@example.org");
        SignOnForm.sign(app.browser, "/statements/figures", "Unconfirmed Org", "FR", "u@example.org");

        Page page = app.admin().get("/admin/statements/figures");
        assertThat(page.document().select(".numbers svg[role=img]").attr("aria-label")).isEqualTo("Sign-ups per day over the last 30 days");
        assertThat(page.document().select(".numbers svg rect")).hasSize(60);
        assertThat(page.document().select(".numbers details tbody tr")).hasSize(30);
        assertThat(page.document().select(".numbers details tbody tr").last().select("td.num").eachText()).containsExactly("2", "1");
        assertThat(page.document().select(".breakdowns table").get(0).select("tr").eachText()).containsExactly("Belgium 1");
        assertThat(page.document().select(".breakdowns table").get(1).select("tr").eachText()).containsExactly("Non-governmental organisation 1");
        assertThat(app.admin().get("/admin").document().select("table.admin-table tbody tr").first().select("td.num").eachText())
                .containsExactly("1", "– no approval asked", "0", "1", "0");
    }

}
