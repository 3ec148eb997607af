package org.undersigned.signatories;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.SignatureState;

/**
 * What a coordinator decides about two signatures flagged as likely duplicates: merge them into one,
 * choosing for each field whose value to keep, or mark them distinct so they are no longer flagged.
 * A merge keeps one row (the further along: listed before awaiting, before held or pending; then the
 * earlier signed) with the earliest signing time and both rows' tags, and deletes the other, so every
 * count drops by one; the audit entry holds both rows as they were, so nothing is lost.
 */
public final class Merges {
    /** The fields a coordinator chooses between, as the edit form names them. */
    static final List<String> FIELDS = List.of("organisation", "display_name", "country", "org_type", "website", "contact_name", "email");
    private final Database database;
    private final Audit audit;
    private final Clock clock;

    /** Done (problem null), or the message key of why not; kept is the id of the signature that remains. */
    record Outcome(long kept, String problem) {}

    interface Queries {
        @SqlQuery("SELECT email_key FROM signatures WHERE id = :id")
        String emailKey(long id);

        @SqlQuery("SELECT updates FROM signatures WHERE id = :id")
        boolean updates(long id);

        @SqlUpdate("DELETE FROM signatures WHERE petition_id = :petitionId AND id = :id")
        int delete(long petitionId, long id);

        @SqlUpdate("""
                UPDATE signatures SET organisation = :organisation, display_name = :displayName, country = :country, org_type = :orgType,
                       website = :website, contact_name = :contactName, email = :email, email_key = :emailKey, updates = :updates,
                       locale = :locale, created_at = :createdAt, confirmed_at = :confirmedAt
                WHERE petition_id = :petitionId AND id = :id""")
        int merge(long petitionId, long id, String organisation, String displayName, String country, String orgType, String website,
                  String contactName, String email, String emailKey, boolean updates, String locale, long createdAt, Long confirmedAt);

        @SqlUpdate("""
                INSERT INTO distinct_signatures (petition_id, low_id, high_id, created_at) VALUES (:petitionId, :low, :high, :now)
                ON CONFLICT (low_id, high_id) DO NOTHING""")
        int markDistinct(long petitionId, long low, long high, long now);
    }

    public Merges(Database database, Audit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** Both signatures of a statement, in id order, when both can still be merged; empty when either is gone or cannot. */
    Optional<List<SignatoryRow>> pair(Petition petition, long a, long b) {
        if (petition.kind() != Kind.STATEMENT || a == b) return Optional.empty();
        return database.reads().withExtension(SignatoryQueries.class, q -> both(q, petition, a, b));
    }

    private static Optional<List<SignatoryRow>> both(SignatoryQueries q, Petition petition, long a, long b) {
        Optional<SignatoryRow> first = q.one(petition.id(), Math.min(a, b)).filter(Merges::mergeable);
        Optional<SignatoryRow> second = q.one(petition.id(), Math.max(a, b)).filter(Merges::mergeable);
        return first.isPresent() && second.isPresent() ? Optional.of(List.of(first.get(), second.get())) : Optional.empty();
    }

    private static boolean mergeable(SignatoryRow row) {
        return row.state() != SignatureState.WITHDRAWN && row.state() != SignatureState.REJECTED;
    }

    /** The one of the two that remains after a merge. */
    static SignatoryRow survivor(SignatoryRow a, SignatoryRow b) {
        int ra = rank(a.state());
        int rb = rank(b.state());
        if (ra != rb) return ra < rb ? a : b;
        if (a.createdAt() != b.createdAt()) return a.createdAt() < b.createdAt() ? a : b;
        return a.id() < b.id() ? a : b;
    }

    private static int rank(SignatureState state) {
        return switch (state) {
            case LISTED -> 0;
            case AWAITING -> 1;
            case PENDING -> 2;
            default -> 3;
        };
    }

    /**
     * Merges the two: choices maps each field to the id of the signature whose value to keep (the
     * survivor's where it names neither). The address comes with its owner's consent to updates
     * and language.
     */
    Outcome merge(Coordinator me, Petition petition, long a, long b, Map<String, String> choices) {
        return database.writer().write(h -> {
            List<SignatoryRow> rows = both(h.attach(SignatoryQueries.class), petition, a, b).orElse(null);
            if (rows == null || petition.kind() != Kind.STATEMENT || a == b) return new Outcome(0, "error.merge.gone");
            SignatoryRow kept = survivor(rows.get(0), rows.get(1));
            SignatoryRow gone = kept == rows.get(0) ? rows.get(1) : rows.get(0);
            Map<String, SignatoryRow> from = new LinkedHashMap<>();
            for (String field : FIELDS) from.put(field, String.valueOf(gone.id()).equals(choices.get(field)) ? gone : kept);
            Map<String, String> values = new LinkedHashMap<>();
            from.forEach((field, row) -> values.put(field, SignatureEdits.values(row).get(field)));
            Queries q = h.attach(Queries.class);
            SignatoryRow mailOwner = from.get("email");
            String emailKey = q.emailKey(mailOwner.id());
            boolean updates = q.updates(mailOwner.id());
            String detail = detail(kept, gone, from);
            h.attach(TagQueries.class).copy(gone.id(), kept.id());
            q.delete(petition.id(), gone.id());
            String organisation = values.get("organisation");
            String shown = values.get("display_name");
            q.merge(petition.id(), kept.id(), organisation, shown.isEmpty() || shown.equals(organisation) ? null : shown,
                    values.get("country"), blankAsNull(values.get("org_type")), blankAsNull(values.get("website")),
                    blankAsNull(values.get("contact_name")), values.get("email"), emailKey, updates, mailOwner.locale(),
                    Math.min(kept.createdAt(), gone.createdAt()), earliest(kept, gone));
            audit.record(h, me.id(), me.email(), "merge_signatures", petition.path() + "#" + kept.id(), detail);
            return new Outcome(kept.id(), null);
        });
    }

    /** Marks the two as different organisations, which stops flagging them. */
    Outcome markDistinct(Coordinator me, Petition petition, long a, long b) {
        return database.writer().write(h -> {
            List<SignatoryRow> rows = both(h.attach(SignatoryQueries.class), petition, a, b).orElse(null);
            if (rows == null || petition.kind() != Kind.STATEMENT || a == b) return new Outcome(0, "error.merge.gone");
            SignatoryRow low = rows.get(0);
            SignatoryRow high = rows.get(1);
            if (h.attach(Queries.class).markDistinct(petition.id(), low.id(), high.id(), clock.millis()) == 1) {
                audit.record(h, me.id(), me.email(), "mark_distinct", petition.path() + "#" + low.id(),
                        "#" + low.id() + " \"" + low.shownName() + "\" and #" + high.id() + " \"" + high.shownName() + "\"");
            }
            return new Outcome(low.id(), null);
        });
    }

    /** The remaining row's confirmation time: the earlier of the two where both were confirmed. */
    private static Long earliest(SignatoryRow kept, SignatoryRow gone) {
        if (kept.confirmedAt() == null) return null;
        return gone.confirmedAt() == null ? kept.confirmedAt() : Math.min(kept.confirmedAt(), gone.confirmedAt());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** What was kept from which row, and both rows whole as they were. */
    private static String detail(SignatoryRow kept, SignatoryRow gone, Map<String, SignatoryRow> from) {
        List<String> chosen = new ArrayList<>();
        from.forEach((field, row) -> chosen.add(field + " from #" + row.id()));
        return "#" + gone.id() + " merged into #" + kept.id() + " (" + String.join(", ", chosen) + "). #" + kept.id() + " was: "
                + whole(kept) + ". #" + gone.id() + " was: " + whole(gone) + ".";
    }

    private static String whole(SignatoryRow row) {
        Map<String, String> fields = new LinkedHashMap<>(SignatureEdits.values(row));
        fields.put("state", row.state().code());
        fields.put("signed_at", Instant.ofEpochMilli(row.createdAt()).toString());
        fields.put("confirmed_at", row.confirmedAt() == null ? "" : Instant.ofEpochMilli(row.confirmedAt()).toString());
        fields.put("language", row.locale() == null ? "" : row.locale());
        fields.put("updates", String.valueOf(row.updates()));
        fields.put("source", row.source() + (row.sourceNote() == null ? "" : ": " + row.sourceNote()));
        fields.put("tags", row.tags() == null ? "" : row.tags());
        List<String> parts = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (!value.isEmpty()) parts.add(field + " \"" + value + "\"");
        });
        return String.join(", ", parts);
    }
}
