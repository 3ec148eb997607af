package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.SignOnForm;

/** The chart's days read the same to every coordinator: 2026-11-08, never "11/8/26". */
class ChartDatesTest extends AppTest {

    @Test
    void the_chart_and_its_table_name_days_in_iso_form_in_every_language_and_stay_inside_the_chart() {
        String statement = app.statement("dated", "Dated statement", "Text", "open");
        SignOnForm.sign(app.browser, statement, "Dated Org", "BE", "dated@example.org");
        LocalDate today = Instant.ofEpochMilli(app.clock.millis()).atZone(ZoneOffset.UTC).toLocalDate();

        Browser admin = app.admin();
        for (String lang : new String[] {"en", "fr", "es"}) {
            Page page = admin.get("/admin/statements/dated?lang=" + lang);
            var labels = page.document().select("svg.chart text[text-anchor]");
            assertThat(labels).as(lang).hasSize(5);
            assertThat(labels.eachText()).as(lang).allMatch(text -> text.matches("\\d{4}-\\d{2}-\\d{2}"));
            assertThat(labels.eachText()).contains(today.minusDays(29).toString(), today.minusDays(1).toString());
            Element first = labels.first();
            Element last = labels.last();
            assertThat(first.attr("text-anchor")).isEqualTo("start");
            // a centred label of ten characters (about 64 units) ends inside the chart's 720
            assertThat(Double.parseDouble(last.attr("x")) + (last.attr("text-anchor").equals("middle") ? 32 : 0)).isLessThanOrEqualTo(720);
            assertThat(page.document().select(".numbers table tbody tr td:first-child").last().text()).isEqualTo(today.toString());
        }
    }
}
