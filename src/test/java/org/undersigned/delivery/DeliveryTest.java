package org.undersigned.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

class DeliveryTest extends AppTest {
    private static final String GREEK = "Ένωση Πολιτών Αθήνας";
    private static final String ARABIC = "جمعية حقوق الإنسان";

    /** Signs with a website of plain letters (names in other scripts give none of their own) and confirms. */
    private void sign(String organisation, String country, String handle) {
        SignOnForm.filled(app.browser.get("/statements/hand-it-over"), organisation, country, handle + "@example.org")
                .set("website", "https://" + handle + ".example.org").submit();
        confirm(mailbox.nth(handle + "@example.org", 1));
    }

    @Test
    void the_dossier_holds_the_text_the_signatories_and_the_fingerprint_of_the_csv() throws Exception {
        Browser admin = app.admin();
        admin.get("/admin/statements/new").form("form.petition-form")
                .set("title", "Hand it over").set("body", "We ask for **justice**.").set("status", "open").submit();
        sign(GREEK, "GR", "gr");
        sign(ARABIC, "EG", "eg");
        sign("Acme, \"Rights\" Inc.", "BE", "be");

        HttpResponse<byte[]> csv = admin.raw(admin.request("/admin/statements/hand-it-over/delivery.csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        String day = csvText.substring(csvText.lastIndexOf(',') + 1, csvText.length() - 2);
        assertThat(csvText).isEqualTo("organisation,country,org_type,signed_on\r\n"
                + "\"Acme, \"\"Rights\"\" Inc.\",BE,ngo," + day + "\r\n"
                + ARABIC + ",EG,ngo," + day + "\r\n"
                + GREEK + ",GR,ngo," + day + "\r\n");
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.body()));

        HttpResponse<byte[]> pdf = admin.raw(admin.request("/admin/statements/hand-it-over/delivery.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Files.write(dir.resolve("delivery.pdf"), pdf.body());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Hand it over", "justice", GREEK, ARABIC, fingerprint, "Acme, \"Rights\" Inc.");

        Page printable = admin.get("/admin/statements/hand-it-over/delivery");
        assertThat(printable.status()).isEqualTo(200);
        assertThat(printable.document().select("[data-fingerprint]").attr("data-fingerprint")).isEqualTo(fingerprint);
        assertThat(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'delivery' AND target = '/statements/hand-it-over'")).isEqualTo(2);
        assertThat(app.browser.get("/admin/statements/hand-it-over/delivery.pdf").status()).isNotEqualTo(200);
    }
}
