package org.undersigned.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;
import org.undersigned.petition.Question;
import org.undersigned.petition.Questions;

/**
 * Every signature of a petition in id order, a page at a time, for API clients that copy them
 * into a CRM: contact data, state (the {@code SignatureState} codes), language, times, answers, the
 * coordinators' tags. A page
 * never ends past a row that could still be joined by an earlier id, so that a client following
 * the cursor sees each row once while sign-ons arrive (see {@link #horizon}).
 */
final class SignatureFeed {
    /** The columns as the API names them (the sign-on forms' field names), in the order they appear in JSON. */
    private static final String COLUMNS = """
            SELECT id, state, email, organisation, display_name, org_type, website, contact_name, first_name, last_name, comment,
                   country, locale, updates, created_at, confirmed_at, withdrawn_at,
                   (SELECT string_agg(t.name, ', ' ORDER BY t.name_key) FROM signature_tags st
                    JOIN tags t ON t.petition_id = st.petition_id AND t.name_key = st.name_key
                    WHERE st.signature_id = signatures.id) AS tags
            FROM signatures
            """;
    private static final String AFTER = COLUMNS + """
            WHERE petition_id = :petition AND id > :after AND id <= :horizon
            ORDER BY id
            LIMIT :limit""";
    private static final String AT = COLUMNS + """
            WHERE petition_id = :petition AND id <= :horizon
            ORDER BY id
            LIMIT :limit OFFSET :offset""";
    private final Database database;

    SignatureFeed(Database database) {
        this.database = database;
    }

    /** Up to {@code limit} signatures after the given id, and whether more follow. */
    record Page(List<Map<String, Object>> signatures, boolean more) {
        long lastId() {
            return (Long) signatures.get(signatures.size() - 1).get("id");
        }
    }

    Page after(long petitionId, long afterId, int limit) {
        return database.reads().withHandle(h -> page(h, limit, h.createQuery(AFTER).bind("after", afterId)
                .bind("petition", petitionId).bind("horizon", horizon(h)).bind("limit", limit + 1)));
    }

    /**
     * Up to {@code limit} signatures from the given position in id order, for clients that count
     * pages (OSDI). Rows only ever join at the end, so positions hold while sign-ons arrive; a row
     * a coordinator discards moves the later ones up by one, which {@link #after} never does.
     */
    Page at(long petitionId, long offset, int limit) {
        return database.reads().withHandle(h -> page(h, limit, h.createQuery(AT).bind("offset", offset)
                .bind("petition", petitionId).bind("horizon", horizon(h)).bind("limit", limit + 1)));
    }

    /** How many rows the petition has, whatever their state: what page numbers count. */
    long count(long petitionId) {
        return database.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petition")
                .bind("petition", petitionId).mapTo(Long.class).one());
    }

    private static Page page(Handle h, int limit, org.jdbi.v3.core.statement.Query query) {
        List<Map<String, Object>> rows = query.map((rs, c) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("status", rs.getString("state"));
                    String email = rs.getString("email");
                    row.put("email", email == null || email.isEmpty() ? null : email); // forgotten once withdrawn or anonymised
                    row.put("organisation", rs.getString("organisation"));
                    row.put("display_name", rs.getString("display_name"));
                    row.put("org_type", rs.getString("org_type"));
                    row.put("website", rs.getString("website"));
                    row.put("contact_name", rs.getString("contact_name"));
                    row.put("first_name", rs.getString("first_name"));
                    row.put("last_name", rs.getString("last_name"));
                    row.put("comment", rs.getString("comment"));
                    row.put("country", rs.getString("country"));
                    row.put("language", rs.getString("locale"));
                    row.put("updates", rs.getBoolean("updates"));
                    row.put("created_at", iso(rs.getLong("created_at"), false));
                    row.put("confirmed_at", iso(rs.getLong("confirmed_at"), rs.wasNull()));
                    row.put("withdrawn_at", iso(rs.getLong("withdrawn_at"), rs.wasNull()));
                    String tags = rs.getString("tags"); // coordinators' tags, which hold no comma
                    row.put("tags", tags == null ? List.of() : List.of(tags.split(", ")));
                    return row;
                })
                .list();
        boolean more = rows.size() > limit;
        List<Map<String, Object>> page = more ? rows.subList(0, limit) : rows;
        addAnswers(h, page);
        return new Page(page, more);
    }

    /**
     * Each row's answers to the petition's own questions, under the form's field names
     * (question_ID, which stay when a question's wording changes); {} when it gave none.
     */
    private static void addAnswers(Handle h, List<Map<String, Object>> page) {
        Map<Long, Map<Long, String>> answers = Questions.answers(h, page.stream().map(row -> (Long) row.get("id")).toList());
        for (Map<String, Object> row : page) {
            Map<String, String> given = new TreeMap<>();
            answers.getOrDefault((Long) row.get("id"), Map.of()).forEach((question, answer) -> given.put(Question.field(question), answer));
            row.put("answers", given);
        }
    }

    /**
     * The highest id no earlier id can still join. SQLite has one writer, which takes ids in the
     * order it commits them. On PostgreSQL concurrent sign-ons commit in any order, so id 101 may be
     * visible while 100 is still being written: a SHARE lock waits for every transaction writing
     * signatures to end (each took its ids under its own lock) and holds new ones off for the one
     * index lookup of the highest id, after which any new row's id is higher.
     */
    private long horizon(Handle h) {
        if (database.dialect() != Dialect.POSTGRESQL) return Long.MAX_VALUE;
        return h.inTransaction(tx -> {
            tx.execute("LOCK TABLE signatures IN SHARE MODE");
            return tx.createQuery("SELECT COALESCE(MAX(id), 0) FROM signatures").mapTo(Long.class).one();
        });
    }

    private static String iso(long millis, boolean isNull) {
        return isNull ? null : Instant.ofEpochMilli(millis).toString();
    }
}
