package org.undersigned.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Multipart;
import org.undersigned.support.Page;
import org.undersigned.support.TestApp;
import org.undersigned.support.Wait;

/** A coordinator imports signatures from a CSV file: a preview of every row's problems, then the valid rows, once. */
class ImportTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    @TempDir
    static Path dir;
    static TestApp app;
    static Browser admin;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir, greenMail.getSmtp().getPort());
        admin = app.admin();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static final String FRENCH_FILE = String.join("\r\n",
            "Nom de l'organisation;Pays;Type d'organisation;Personne de contact;Adresse e-mail",
            "Réseau Éducation Sans Frontières;France;Organisation non gouvernementale;Anne Dupré;anne@resf.example",
            "Collectif Sans Papiers;;ngo;Paul;paul@csp.example",
            "Café Solidaire;BE;bakery;Marie;marie@cafe.example",
            "Ligue des droits;Belgique;ngo;Jean;pas-une-adresse",
            "Déjà Là;BE;ngo;Zoé;deja@example.org",
            "Réseau bis;FR;ngo;Anne;ANNE@resf.example",
            "Sindicato sin correo;España;Syndicat;Pablo;") + "\r\n";

    @Test
    void a_semicolon_windows_1252_file_with_french_headings_previews_each_rows_problems_then_imports_its_valid_rows_once() {
        app.statement("imported");
        Page added = admin.get("/admin/statements/imported/signatures/new").form("form[action$=/signatures]").set("organisation", "Déjà Là")
                .set("country", "BE").set("org_type", "ngo").set("contact_name", "Zoé").set("email", "deja@example.org").submit();
        assertThat(added.status()).isEqualTo(303);
        byte[] file = FRENCH_FILE.getBytes(Charset.forName("windows-1252"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).as("the file is not UTF-8").doesNotContain("Ã");

        Page preview = upload("/admin/statements/imported/import", "signataires.csv", file);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text()).contains("signataires.csv, read as windows-1252, cells separated by semicolons.");
        assertThat(preview.document().select("#header").hasAttr("checked")).isTrue();
        assertThat(selected(preview)).containsExactly("organisation", "country", "org_type", "contact_name", "email");
        assertThat(problemsByLine(preview)).containsExactly(
                Map.entry("2", "Will be imported"),
                Map.entry("3", "No country"),
                Map.entry("4", "Unknown type of organisation"),
                Map.entry("5", "Invalid email address"),
                Map.entry("6", "Has signed already"),
                Map.entry("7", "Same signatory as an earlier row"),
                Map.entry("8", "Will be imported"));
        assertThat(preview.document().select(".import-table tbody tr").first().text()).contains("Réseau Éducation Sans Frontières", "Anne Dupré");
        assertThat(preview.document().select(".import-problems tbody tr").eachText()).containsExactlyInAnyOrder("No country 1",
                "Unknown type of organisation 1", "Invalid email address 1", "Has signed already 1", "Same signatory as an earlier row 1");
        assertThat(signatures("imported")).as("nothing stored before the confirmation").isEqualTo(1);

        Page done = importAll(preview, "Import 2 valid rows");

        assertThat(done.text()).contains("Import finished", "Imported 2", "Skipped 5", "Has signed already 1");
        Page publicPage = app.browser.get("/statements/imported");
        assertThat(publicPage.document().select("#signatories li").eachText())
                .contains("Réseau Éducation Sans Frontières", "Sindicato sin correo");
        String csv = admin.get("/admin/statements/imported/signatures.csv?sep=comma").body();
        assertThat(csv).contains("Réseau Éducation Sans Frontières", "anne@resf.example", "FR", "ES", "Imported from a file: signataires.csv");
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE source = 'import' AND status = 'confirmed' AND source_note = 'signataires.csv'")).isEqualTo(2);
        String audit = app.db().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'import' AND target = '/statements/imported'").mapTo(String.class).one());
        assertThat(audit).startsWith("signataires.csv: 2 imported, 5 skipped");

        Page again = upload("/admin/statements/imported/import", "signataires.csv", file);
        assertThat(again.document().select(".import-problems tbody tr").eachText()).contains("Has signed already 4");
        assertThat(again.document().select("form.import-confirm")).as("nothing left to import").isEmpty();
        assertThat(again.text()).contains("No row can be imported.");
        assertThat(signatures("imported")).isEqualTo(3);

        // our own export imports again: into the same statement it adds nothing, into another one all of it
        Page ownExport = upload("/admin/statements/imported/import", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(ownExport.text()).contains("To import 0");
        app.statement("copied");
        Page copy = upload("/admin/statements/copied/import", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(problemsByLine(copy).values()).containsOnly("Will be imported").hasSize(3);
        assertThat(importAll(copy, "Import 3 valid rows").text()).contains("Imported 3", "Skipped 0");
    }

    @Test
    void a_file_without_headings_is_imported_as_the_columns_are_chosen() {
        app.campaign("no-headings", "No headings", 100);
        byte[] file = ("\uFEFFPL,Curie,Marie,marie@example.org\r\nFR,Dupont,Jeanne,jeanne@example.org\r\n").getBytes(StandardCharsets.UTF_8);

        Page preview = upload("/admin/campaigns/no-headings/import", "people.csv", file);
        assertThat(preview.text()).contains("read as UTF-8, cells separated by commas");
        assertThat(preview.document().select("#header").hasAttr("checked")).isFalse();
        assertThat(selected(preview)).containsExactly("country", "first_name", "last_name", "email");

        Page chosen = admin.get(preview.form("form.import-mapping").set("col_1", "last_name").set("col_2", "first_name").action()
                + "?" + Browser.encode(preview.form("form.import-mapping").set("col_1", "last_name").set("col_2", "first_name").fields()));
        assertThat(selected(chosen)).containsExactly("country", "last_name", "first_name", "email");
        assertThat(problemsByLine(chosen)).containsExactly(Map.entry("1", "Will be imported"), Map.entry("2", "Will be imported"));

        importAll(chosen, "Import 2 valid rows");

        List<String> names = app.db().withHandle(h -> h.createQuery(
                "SELECT first_name || ' ' || last_name || ' ' || country FROM signatures WHERE source_note = 'people.csv' ORDER BY first_name").mapTo(String.class).list());
        assertThat(names).containsExactly("Jeanne Dupont FR", "Marie Curie PL");
    }

    @Test
    void with_confirmation_asked_each_contact_with_an_address_is_mailed_and_listed_once_they_confirm() {
        app.statement("vouched");
        byte[] file = "organisation,country,org_type,contact_name,email\r\nMailed Org,BE,ngo,Ann,mailed@example.org\r\nPaper Org,NL,ngo,Bo,\r\n"
                .getBytes(StandardCharsets.UTF_8);
        Page preview = upload("/admin/statements/vouched/import", "mixed.csv", file);
        Page started = preview.form("form.import-confirm").tick("confirm").submit();
        Wait.until("the import to finish", java.time.Duration.ofSeconds(90),
                () -> !admin.get(started.header("Location")).text().contains("Importing…"));

        assertThat(app.browser.get("/statements/vouched").document().select("#signatories li").eachText()).containsExactly("Paper Org");
        Page confirmed = app.browser.get(new Mailbox(greenMail).nth("mailed@example.org", 1).linkTo("/confirm/"))
                .form("form[action^=/confirm/]").submit();
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(app.browser.get("/statements/vouched").document().select("#signatories li").eachText())
                .containsExactlyInAnyOrder("Paper Org", "Mailed Org");
    }

    @Test
    void an_empty_file_a_binary_file_and_an_endless_line_are_each_refused_with_a_clear_message() {
        app.statement("refusals");
        String path = "/admin/statements/refusals/import";
        Page empty = upload(path, "empty.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.document().select("#file-error").text()).endsWith("The file is empty: choose a CSV file with at least one row.");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Page binary = upload(path, "logo.png", png);
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.document().select("#file-error").text()).contains("The file is not a CSV file");

        Page endless = upload(path, "endless.csv", ("name;country\r\n" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        assertThat(endless.status()).isEqualTo(200);
        assertThat(endless.text()).contains("Line 2 is too long to be a row of signatures");
        assertThat(endless.document().select("form.import-confirm")).isEmpty();
        assertThat(signatures("refusals")).isZero();
    }

    @Test
    void two_thousand_rows_are_imported_in_the_background_with_a_report() {
        app.campaign("thousands", "Thousands", 100);
        StringBuilder file = new StringBuilder("first_name;last_name;email;country\r\n");
        for (int i = 0; i < 2000; i++) file.append("Person;Number ").append(i).append(";p").append(i).append("@example.org;BE\r\n");
        Page preview = upload("/admin/campaigns/thousands/import", "many.csv", file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(preview.text()).contains("Page 1 of 40");

        Page done = importAll(preview, "Import 2,000 valid rows");

        assertThat(done.text()).contains("Imported 2000", "Skipped 0");
        assertThat(signatures("thousands")).isEqualTo(2000);
    }

    private static Page upload(String path, String name, byte[] content) {
        Page form = admin.get(path);
        return Multipart.of(form.form("form[action=" + path + "]")).file("file", name, "text/csv", content).post(admin, path);
    }

    /** Confirms the import, waits for it to finish, and returns its report page. */
    private static Page importAll(Page preview, String button) {
        assertThat(preview.document().select("form.import-confirm button").text()).isEqualTo(button);
        Page started = preview.form("form.import-confirm").submit();
        assertThat(started.status()).isEqualTo(303);
        String report = started.header("Location");
        // the machine's other work decides how long a few thousand rows take: the deadline only catches an import that never ends
        Wait.until("the import to finish", java.time.Duration.ofSeconds(90), () -> !admin.get(report).text().contains("Importing…"));
        return admin.get(report);
    }

    private static long signatures(String slug) {
        return app.count("SELECT COUNT(*) FROM signatures s JOIN petitions p ON p.id = s.petition_id WHERE p.slug = '" + slug + "'");
    }

    private static List<String> selected(Page preview) {
        return preview.document().select("form.import-mapping select").stream()
                .map(s -> s.select("option[selected]").attr("value")).toList();
    }

    private static Map<String, String> problemsByLine(Page preview) {
        Map<String, String> byLine = new LinkedHashMap<>();
        for (Element row : preview.document().select(".import-table tbody tr")) {
            byLine.put(row.child(0).text(), row.child(row.childrenSize() - 1).text());
        }
        return byLine;
    }
}
