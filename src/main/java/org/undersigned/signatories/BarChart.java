package org.undersigned.signatories;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sign-ups per day as an SVG drawn on the server: no script, no third-party library, colours as
 * attributes (the CSP allows no inline style). The same numbers are also given as a table.
 */
final class BarChart {
    static final int DAYS = 30;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int BASELINE = 160;
    /** About the width of a date at the labels' size (ten characters of 11px). */
    private static final int LABEL_WIDTH = 64;

    record Bar(LocalDate date, long signed, long confirmed) {}

    private BarChart() {}

    /** One bar per day for the last {@link #DAYS} days up to today, zero where nobody signed. */
    static List<Bar> bars(List<Numbers.Day> days, long todayEpochDay) {
        return bars(days, todayEpochDay - DAYS + 1, todayEpochDay);
    }

    /** One bar per day from {@code firstEpochDay} to today: a petition's whole life. */
    static List<Bar> bars(List<Numbers.Day> days, long firstEpochDay, long todayEpochDay) {
        Map<Long, Numbers.Day> byDay = new HashMap<>();
        days.forEach(d -> byDay.put(d.day(), d));
        return java.util.stream.LongStream.rangeClosed(Math.min(firstEpochDay, todayEpochDay), todayEpochDay)
                .mapToObj(day -> {
                    Numbers.Day d = byDay.get(day);
                    return new Bar(LocalDate.ofEpochDay(day), d == null ? 0 : d.signed(), d == null ? 0 : d.confirmed());
                }).toList();
    }

    static String svg(List<Bar> bars, String label) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::signed).max().orElse(1));
        double slot = (double) WIDTH / bars.size();
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\" class=\"chart\">")
                .append("<line x1=\"0\" y1=\"").append(BASELINE).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(BASELINE)
                .append("\" stroke=\"#505a5f\" stroke-width=\"1\"/>");
        // ISO dates (2026-11-08): a short localised date ("11/8/26") reads as another day in half the world
        DateTimeFormatter format = DateTimeFormatter.ISO_LOCAL_DATE;
        // a date every week, or every few weeks over a long life, so that no two dates overlap
        int every = 7 * Math.max(1, (bars.size() + 44) / 45);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = i * slot + slot * 0.15;
            double w = slot * 0.7;
            long signedHeight = Math.round((BASELINE - 10) * (double) bar.signed() / max);
            long confirmedHeight = Math.round((BASELINE - 10) * (double) bar.confirmed() / max);
            svg.append(rect(x, BASELINE - signedHeight, w, signedHeight, "#a9c5b4"));
            svg.append(rect(x, BASELINE - confirmedHeight, w, confirmedHeight, "#1d5c3a"));
            if (i % every == 0 || (i == bars.size() - 1 && (i % every) * slot >= 1.5 * LABEL_WIDTH)) {
                svg.append(label(i * slot + slot / 2, format.format(bar.date())));
            }
        }
        svg.append("<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#1b1b1b\">").append(max).append("</text>");
        return svg.append("</svg>").toString();
    }

    /** A date under its bar, centred, or kept inside the chart at either end. */
    private static String label(double centre, String text) {
        double half = LABEL_WIDTH / 2.0;
        String anchor = centre - half < 0 ? "start" : centre + half > WIDTH ? "end" : "middle";
        double x = anchor.equals("start") ? 0 : anchor.equals("end") ? WIDTH : centre;
        return "<text x=\"" + fmt(x) + "\" y=\"176\" font-size=\"11\" fill=\"#1b1b1b\" text-anchor=\"" + anchor + "\">"
                + escape(text) + "</text>";
    }

    private static String rect(double x, double y, double w, long h, String fill) {
        return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w) + "\" height=\"" + h + "\" fill=\"" + fill + "\"/>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
