package org.undersigned.delivery;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.undersigned.db.Database;

/** The statement's list as handed over, and its dossier made into a PDF. */
final class Delivery {
    private final Database database;

    Delivery(Database database) {
        this.database = database;
    }

    /** The listed signatories, as the public list shows them (its names, its order). */
    DeliveryList list(long petitionId) {
        List<DeliveryList.Row> rows = database.reads().withHandle(h -> h.createQuery("""
                        SELECT COALESCE(display_name, organisation) AS organisation, country, org_type, confirmed_at
                        FROM signatures
                        WHERE petition_id = :petitionId AND state = 'listed'
                        ORDER BY country, organisation, confirmed_at""")
                .bind("petitionId", petitionId)
                .map((rs, ctx) -> new DeliveryList.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
        return new DeliveryList(rows);
    }

    /**
     * The dossier's XHTML as a PDF, with DejaVu Sans from the jar (Latin, Greek, Cyrillic, Arabic)
     * embedded and subset, and ICU's bidi splitter and shaper for right-to-left text.
     */
    static void pdf(String xhtml, OutputStream out) {
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> Delivery.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> Delivery.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
