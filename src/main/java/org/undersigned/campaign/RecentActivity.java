package org.undersigned.campaign;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The campaign page's latest signatures, as "a supporter from Belgium, 5 minutes ago": only the
 * country and a coarse time of listed (confirmed) signatures, never a name or address, and
 * neighbours with the same country and time told as one count. Times are rounded so the page,
 * kept in the cache for minutes, is not more precise than it is true.
 */
final class RecentActivity {
    /** How many signatures the list looks back over. */
    static final int LATEST = 8;

    record Entry(String country, long count, String when) {}

    record Row(String country, long confirmedAt) {}

    interface Dao {
        @SqlQuery("""
                SELECT country, confirmed_at
                FROM signatures
                WHERE petition_id = :petitionId AND state = 'listed' AND confirmed_at IS NOT NULL
                ORDER BY confirmed_at DESC, id DESC
                LIMIT :limit""")
        @RegisterConstructorMapper(Row.class)
        List<Row> latest(long petitionId, int limit);
    }

    private RecentActivity() {}

    static List<Entry> of(List<Row> rows, long now, Locale locale) {
        RelativeDateTimeFormatter format = RelativeDateTimeFormatter.getInstance(ULocale.forLocale(locale));
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            String when = when(format, Math.max(0, now - row.confirmedAt()));
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.country().equals(row.country()) && last.when().equals(when)) {
                entries.set(entries.size() - 1, new Entry(last.country(), last.count() + 1, when));
            } else {
                entries.add(new Entry(row.country(), 1, when));
            }
        }
        return entries;
    }

    /** Under ten minutes: "now"; then by ten minutes, hours and days. */
    static String when(RelativeDateTimeFormatter format, long ago) {
        long minutes = ago / 60_000;
        if (minutes < 10) return format.format(RelativeDateTimeFormatter.Direction.PLAIN, RelativeDateTimeFormatter.AbsoluteUnit.NOW);
        if (minutes < 60) return format.format(minutes / 10 * 10, RelativeDateTimeFormatter.Direction.LAST,
                RelativeDateTimeFormatter.RelativeUnit.MINUTES);
        if (minutes < 24 * 60) return format.format(minutes / 60, RelativeDateTimeFormatter.Direction.LAST,
                RelativeDateTimeFormatter.RelativeUnit.HOURS);
        return format.format(minutes / (24 * 60), RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.DAYS);
    }
}
