package org.undersigned.campaign;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The campaign page's latest signatures, as "a supporter from Belgium, 10 minutes ago": only the
 * country and a coarse time of listed (confirmed) signatures, never a name or address, and
 * neighbours with the same country and time told as one count. Times are rounded so the page,
 * kept in the cache for minutes, is not more precise than it is true.
 */
final class RecentActivity {
    /** How many signatures the list looks back over. */
    static final int LATEST = 8;

    /** unit: now, minutes, hours or days (the template's words for it); amount: how many of them. */
    record Entry(String country, long count, String unit, long amount) {}

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

    static List<Entry> of(List<Row> rows, long now) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            Entry when = when(row.country(), Math.max(0, now - row.confirmedAt()));
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.country().equals(when.country()) && last.unit().equals(when.unit()) && last.amount() == when.amount()) {
                entries.set(entries.size() - 1, new Entry(last.country(), last.count() + 1, last.unit(), last.amount()));
            } else {
                entries.add(when);
            }
        }
        return entries;
    }

    /** Under ten minutes: now; then by ten minutes, hours and days. */
    private static Entry when(String country, long ago) {
        long minutes = ago / 60_000;
        if (minutes < 10) return new Entry(country, 1, "now", 0);
        if (minutes < 60) return new Entry(country, 1, "minutes", minutes / 10 * 10);
        if (minutes < 24 * 60) return new Entry(country, 1, "hours", minutes / 60);
        return new Entry(country, 1, "days", minutes / (24 * 60));
    }
}
