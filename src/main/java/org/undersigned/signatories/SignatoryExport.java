package org.undersigned.signatories;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;

/** The CSV of a petition's signatures as a coordinator filtered them, streamed, and its entry in the audit trail. */
public final class SignatoryExport {
    static final List<String> HEADER = List.of("organisation_listed", "organisation_submitted", "org_type", "first_name", "last_name",
            "contact_name", "email", "country", "website", "comment", "status", "text_version", "signed_at", "confirmed_at",
            "withdrawn_at", "updates");
    private final Database database;
    private final Audit audit;

    public SignatoryExport(Database database, Audit audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Writes the rows to out (closing it), then records who exported how many rows with which filter. */
    void write(Coordinator me, Petition petition, Filter filter, OutputStream out) throws IOException {
        AtomicLong rows = new AtomicLong();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write(Csv.BOM);
            Csv csv = new Csv(writer);
            csv.row(HEADER);
            database.reads().useExtension(SignatoryQueries.class, q -> {
                try (var stream = q.all(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.query(),
                        filter.like(), filter.sort().sql)) {
                    stream.forEach(r -> {
                        rows.incrementAndGet();
                        try {
                            csv.row(cells(r));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            });
        }
        String query = filter.queryString(1);
        audit.record(me.id(), me.email(), "export", petition.path(), rows.get() + " rows" + (query.isEmpty() ? "" : " " + query));
    }

    private static List<String> cells(SignatoryRow r) {
        return Arrays.asList(r.shownName(), r.organisation(), r.orgType(), r.firstName(), r.lastName(), r.contactName(), r.email(),
                r.country(), r.website(), r.comment(), r.state().code(), String.valueOf(r.petitionVersion()), time(r.createdAt()),
                time(r.confirmedAt()), time(r.withdrawnAt()), r.updates() ? "yes" : "no");
    }

    private static String time(Long millis) {
        return millis == null ? "" : Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
