package org.undersigned.signatories;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Question;
import org.undersigned.petition.Questions;
import org.undersigned.text.Countries;
import org.undersigned.text.Languages;
import org.undersigned.text.Messages;

/**
 * The CSV of a petition's signatures as a coordinator filtered them, streamed, and its entry in the
 * audit trail. It is written for a person opening it in a spreadsheet: headings, countries, types,
 * states and languages in the coordinator's language (the codes beside them, for sorting and
 * merging), times in UTC as spreadsheets read them, the separator their spreadsheet expects.
 */
public final class SignatoryExport {
    /** The columns, each headed by the message csv.column.KEY. */
    static final List<String> COLUMNS = List.of("organisation_listed", "organisation_submitted", "org_type", "org_type_code",
            "first_name", "last_name", "contact_name", "email", "country", "country_code", "website", "comment", "status",
            "status_code", "language", "text_version", "signed_at", "confirmed_at", "withdrawn_at", "updates", "source", "listing", "tags");
    /** Rows whose answers are read together: a query per batch, not per row, in bounded memory. */
    private static final int ANSWERS_BATCH = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private final Database database;
    private final Audit audit;
    private final Messages messages;
    private final Countries countries;

    public SignatoryExport(Database database, Audit audit, Messages messages, Countries countries) {
        this.database = database;
        this.audit = audit;
        this.messages = messages;
        this.countries = countries;
    }

    /** Writes the rows to out (closing it), then records who exported how many rows with which filter. */
    void write(Coordinator me, Petition petition, Filter filter, Locale reader, Csv.Separator separator, OutputStream out)
            throws IOException {
        AtomicLong rows = new AtomicLong();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write(Csv.BOM);
            Csv csv = new Csv(writer, separator);
            // in a transaction so that PostgreSQL streams the rows (see SignatoryQueries.all) rather than holding a million in the heap
            database.reads().useTransaction(h -> {
                // the petition's own questions, one column each, headed by its wording in the petition's language
                List<Question> questions = Questions.all(h, petition.id());
                List<String> headings = new ArrayList<>(COLUMNS.stream().map(column -> messages.get(reader, "csv.column." + column)).toList());
                questions.forEach(question -> headings.add(question.label(petition.lang())));
                row(csv, headings);
                List<SignatoryRow> batch = new ArrayList<>(ANSWERS_BATCH);
                try (var stream = h.attach(SignatoryQueries.class).all(petition.id(), filter.stateCode(), filter.country(), filter.orgType(),
                        filter.tag(), filter.query(), filter.like(), filter.sort().sql)) {
                    stream.filter(filter::admits).forEach(r -> {
                        rows.incrementAndGet();
                        if (questions.isEmpty()) {
                            row(csv, cells(r, reader));
                            return;
                        }
                        batch.add(r);
                        if (batch.size() == ANSWERS_BATCH) withAnswers(csv, batch, questions, reader);
                    });
                }
                if (!batch.isEmpty()) withAnswers(csv, batch, questions, reader);
            });
        }
        String query = filter.queryString(1);
        audit.record(me.id(), me.email(), "export", petition.path(), rows.get() + " rows" + (query.isEmpty() ? "" : " " + query));
    }

    /** The rows with their answers, read for the whole batch at once (on a connection of its own: the list is still streaming). */
    private void withAnswers(Csv csv, List<SignatoryRow> batch, List<Question> questions, Locale reader) {
        Map<Long, Map<Long, String>> answers = database.reads().withHandle(h ->
                Questions.answers(h, batch.stream().map(SignatoryRow::id).toList()));
        for (SignatoryRow r : batch) {
            List<String> cells = new ArrayList<>(cells(r, reader));
            Map<Long, String> given = answers.getOrDefault(r.id(), Map.of());
            questions.forEach(question -> cells.add(given.get(question.id())));
            row(csv, cells);
        }
        batch.clear();
    }

    private static void row(Csv csv, List<String> cells) {
        try {
            csv.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> cells(SignatoryRow r, Locale reader) {
        return Arrays.asList(r.shownName(), r.organisation(), r.orgType() == null ? null : messages.get(reader, "org_type." + r.orgType()),
                r.orgType(), r.firstName(), r.lastName(), r.contactName(), r.email(), countries.name(r.country(), reader), r.country(),
                r.website(), r.comment(), messages.get(reader, "signatories.state." + r.state().code()), r.state().code(),
                r.locale() == null ? null : Languages.name(r.locale(), reader), String.valueOf(r.petitionVersion()),
                time(r.createdAt()), time(r.confirmedAt()), time(r.withdrawnAt()), messages.get(reader, r.updates() ? "csv.yes" : "csv.no"),
                source(r, reader), messages.get(reader, "signatories.listing." + r.listing().code()), r.tags());
    }

    /** How the signature came in, in the reader's words, with the coordinator's note on a hand-added one. */
    private String source(SignatoryRow r, Locale reader) {
        String source = messages.get(reader, "signatories.source." + r.source());
        return r.sourceNote() == null ? source : source + ": " + r.sourceNote();
    }

    private static String time(Long millis) {
        return millis == null ? "" : TIME.format(java.time.Instant.ofEpochMilli(millis));
    }
}
