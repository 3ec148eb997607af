package org.undersigned.delivery;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.undersigned.support.TestApp;

/**
 * The delivery dossier of a statement with 10,000 signatories, timed: run with the heap a small
 * server has, {@code java -Xmx256m -cp ... org.undersigned.delivery.DeliveryPdfBench} (see
 * docs/performance.md). Prints the time of each of three downloads, the size and the page count.
 */
public final class DeliveryPdfBench {
    private static final String[] NAMES = {"Rights Watch", "Ένωση Πολιτών", "جمعية حقوق الإنسان", "Правозащитный центр", "Solidarité"};
    private static final String[] COUNTRIES = {"BE", "GR", "EG", "UA", "FR", "DE", "ES", "MA"};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("delivery-bench");
        try (TestApp app = TestApp.start(dir, 2)) {
            var admin = app.admin();
            admin.get("/admin/statements/new").form("form.petition-form")
                    .set("title", "Bench statement").set("body", "We ask for **justice**.").set("status", "open").submit();
            long id = app.db().withHandle(h -> h.createQuery("SELECT id FROM petitions WHERE slug = 'bench-statement'").mapTo(Long.class).one());
            app.db().useTransaction(h -> {
                var batch = h.prepareBatch("""
                        INSERT INTO signatures (petition_id, status, email, email_key, organisation, org_type, country, locale,
                                                consent_hash, created_at, confirmed_at)
                        VALUES (:p, 'confirmed', :e, :e, :o, 'ngo', :c, 'en', 'x', :t, :t)""");
                for (int i = 0; i < count; i++) {
                    batch.bind("p", id).bind("e", "s" + i + "@example.org").bind("o", NAMES[i % NAMES.length] + " " + i)
                            .bind("c", COUNTRIES[i % COUNTRIES.length]).bind("t", app.clock.millis()).add();
                }
                batch.execute();
            });
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> pdf = admin.raw(admin.request("/admin/statements/bench-statement/delivery.pdf"));
                long ms = (System.nanoTime() - start) / 1_000_000;
                int pages;
                try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                    pages = doc.getNumberOfPages();
                }
                System.out.printf("run %d: %d signatories, status %d, %d ms, %d bytes, %d pages, max heap %d MB%n", run, count,
                        pdf.statusCode(), ms, pdf.body().length, pages, Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }
}
