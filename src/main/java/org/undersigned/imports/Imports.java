package org.undersigned.imports;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.signature.ByHand;
import org.undersigned.signature.EmailAddress;
import org.undersigned.signature.NewSignature;
import org.undersigned.signature.SignatureForm;
import org.undersigned.text.Countries;
import org.undersigned.text.Messages;
import org.undersigned.tokens.Tokens;

/**
 * Coordinators' imports of signatures from CSV files: the upload kept under an id, the preview of
 * its rows, and the import of the valid ones in the background, a few hundred rows per write so
 * that sign-ons go on between them, with its progress and report in the imports table for any
 * instance to show. Rows are checked as a signature added by hand is, and stored through
 * {@link ByHand} marked as imported, with the file's name; a row whose signatory has signed
 * already (same address, or without one the same name and country) is skipped, so that
 * importing a file again adds nothing.
 */
public final class Imports implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    /** Rows per write: short enough that the single SQLite writer serves sign-ons between them. */
    static final int CHUNK = 250;
    private static final Duration PREVIEW_KEPT = Duration.ofDays(1);
    private final Database database;
    private final Audit audit;
    private final Map<Kind, SignatureForm> forms;
    private final ByHand byHand;
    private final EmailAddress emails;
    private final Vocabulary vocabulary;
    private final Clock clock;
    private final Tokens tokens = new Tokens();
    /** One import at a time per instance: each is already as fast as the writer lets it be. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "imports");
        t.setDaemon(true);
        return t;
    });

    public Imports(Database database, Audit audit, Map<Kind, SignatureForm> forms, ByHand byHand, EmailAddress emails, Countries countries,
                   Messages messages, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.forms = Map.copyOf(forms);
        this.byHand = byHand;
        this.emails = emails;
        this.vocabulary = new Vocabulary(countries, messages);
        this.clock = clock;
    }

    /** Keeps the file for its preview and import; {@link ImportFile.Refused} when it holds no rows to read. */
    Upload store(Coordinator me, Petition petition, String fileName, byte[] bytes) {
        ImportFile.Decoded file = ImportFile.decode(bytes);
        try (ImportFile.Rows rows = ImportFile.rows(file.text(), file.separator())) {
            if (!rows.hasNext()) throw new ImportFile.Refused(ImportFile.Refusal.EMPTY, 0);
            rows.next();
        }
        String id = tokens.next();
        long now = clock.millis();
        database.writer().run(h -> {
            ImportDao.forgetStale(h, now - PREVIEW_KEPT.toMillis());
            ImportDao.insert(h, id, petition.id(), me.id(), fileName, file, now);
        });
        return find(petition, id, true).orElseThrow();
    }

    Optional<Upload> find(Petition petition, String id, boolean withContent) {
        return ImportDao.find(database.reads(), id, petition.id(), withContent);
    }

    /** The mapping chosen, or the one the file's first row suggests. */
    Mapping mapping(Petition petition, Upload upload, Map<String, List<String>> params) {
        List<String> first = List.of();
        int width = 0;
        try (ImportFile.Rows rows = ImportFile.rows(upload.content(), upload.separator())) {
            for (int i = 0; i < 50 && rows.hasNext(); i++) {
                List<String> cells = rows.next().cells();
                if (i == 0) first = cells;
                width = Math.max(width, cells.size());
            }
        } catch (ImportFile.Refused e) {
            // the preview reads the file again and says what stopped it
        }
        int columns = width;
        List<String> firstRow = first;
        return Mapping.read(petition.kind(), params, columns).orElseGet(() -> vocabulary.guess(petition.kind(), firstRow, columns));
    }

    /** Every row checked, the page asked for kept, the problems counted. */
    Preview preview(Petition petition, Upload upload, Mapping mapping, int page, boolean onlyProblems) {
        RowCheck check = new RowCheck(petition.kind(), forms.get(petition.kind()), vocabulary, emails, mapping);
        List<RowCheck.Checked> shown = new ArrayList<>();
        Map<String, Long> problems = new LinkedHashMap<>();
        long total = 0;
        long valid = 0;
        long listed = 0;
        List<String> firstRow = List.of();
        ImportFile.Refused refused = null;
        try (ImportFile.Rows head = ImportFile.rows(upload.content(), upload.separator())) {
            if (head.hasNext()) firstRow = head.next().cells();
        } catch (ImportFile.Refused e) {
            refused = e;
        }
        if (refused == null) {
            try (Pass pass = new Pass(upload, mapping, check, existing(petition))) {
                while (pass.hasNext()) {
                    RowCheck.Checked row = pass.next();
                    total++;
                    if (row.valid()) valid++;
                    for (String problem : row.problems()) problems.merge(problem, 1L, Long::sum);
                    if (onlyProblems && row.valid()) continue;
                    if (listed >= (long) page * Preview.PAGE_SIZE && listed < (long) (page + 1) * Preview.PAGE_SIZE) shown.add(row);
                    listed++;
                }
            } catch (ImportFile.Refused e) {
                refused = e;
            }
        }
        Map<String, Long> byCount = problems.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        int pages = (int) Math.max(1, (listed + Preview.PAGE_SIZE - 1) / Preview.PAGE_SIZE);
        return new Preview(upload, Field.of(petition.kind()), mapping, firstRow, Math.max(mapping.columns().size(), firstRow.size()), shown,
                total, valid, byCount, page, pages, onlyProblems, refused);
    }

    /**
     * Starts importing the valid rows in the background; false when this upload is not waiting
     * for it (it was confirmed already). With {@code confirm}, each contact with an address gets
     * the usual confirmation mail and is listed once they confirm, as with a hand-added signature.
     */
    boolean start(Coordinator me, Petition petition, Upload upload, Mapping mapping, boolean confirm, Locale signerLocale) {
        if (!database.writer().write(h -> ImportDao.start(h, upload.id(), mapping.stored(), clock.millis()))) return false;
        runner.execute(() -> run(me, petition, upload.id(), mapping, confirm, signerLocale));
        return true;
    }

    private void run(Coordinator me, Petition petition, String id, Mapping mapping, boolean confirm, Locale signerLocale) {
        Map<String, Long> skipped = new LinkedHashMap<>();
        int[] done = {0, 0};
        try {
            Upload upload = ImportDao.find(database.reads(), id, petition.id(), true).orElseThrow();
            int total = 0;
            try (ImportFile.Rows rows = ImportFile.rows(upload.content(), upload.separator())) {
                while (rows.hasNext()) {
                    rows.next();
                    total++;
                }
            }
            int rowsTotal = mapping.header() ? Math.max(0, total - 1) : total;
            database.writer().run(h -> ImportDao.progress(h, id, rowsTotal, 0, 0));
            RowCheck check = new RowCheck(petition.kind(), forms.get(petition.kind()), vocabulary, emails, mapping);
            String note = upload.fileName();
            List<NewSignature> chunk = new ArrayList<>(CHUNK);
            try (Pass pass = new Pass(upload, mapping, check, existing(petition))) {
                while (pass.hasNext()) {
                    RowCheck.Checked row = pass.next();
                    done[0]++;
                    if (row.valid()) chunk.add(row.signature());
                    else for (String problem : row.problems()) skipped.merge(problem, 1L, Long::sum);
                    if (chunk.size() == CHUNK || !pass.hasNext()) {
                        List<NewSignature> batch = List.copyOf(chunk);
                        chunk.clear();
                        int rowsDone = done[0];
                        int importedBefore = done[1];
                        int stored = database.writer().write(h -> {
                            int added = byHand.addAll(h, database.writer(), petition, batch, ByHand.Source.IMPORT, note, confirm, signerLocale);
                            ImportDao.progress(h, id, rowsTotal, rowsDone, importedBefore + added);
                            return added;
                        });
                        done[1] += stored;
                        // signed meanwhile, through the form: the index let the row go
                        if (stored < batch.size()) skipped.merge(RowCheck.SIGNED_ALREADY, (long) (batch.size() - stored), Long::sum);
                    }
                }
            }
            String report = report(skipped);
            database.writer().run(h -> {
                ImportDao.finish(h, id, ImportState.DONE, report, clock.millis());
                audit.record(h, me.id(), me.email(), "import", petition.path(), upload.fileName() + ": " + done[1] + " imported, "
                        + (done[0] - done[1]) + " skipped" + (skipped.isEmpty() ? "" : " (" + report.replace("\n", ", ").strip() + ")")
                        + (confirm ? ", confirmation mailed" : ""));
            });
        } catch (RuntimeException e) {
            log.error("import {} of {} stopped after {} rows", id, petition.path(), done[0], e);
            String report = report(skipped);
            database.writer().run(h -> {
                ImportDao.finish(h, id, ImportState.FAILED, report, clock.millis());
                audit.record(h, me.id(), me.email(), "import", petition.path(), "stopped by an error after " + done[1] + " imported");
            });
        }
    }

    private static String report(Map<String, Long> skipped) {
        return skipped.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining());
    }

    /** The keys of the petition's signatures that a row may repeat: each address's, and each name's with its country. */
    private Set<String> existing(Petition petition) {
        Set<String> keys = new HashSet<>();
        database.reads().useHandle(h -> h.createQuery("""
                        SELECT email_key, organisation, first_name, last_name, country FROM signatures WHERE petition_id = :id""")
                .bind("id", petition.id())
                .map((rs, ctx) -> {
                    String emailKey = rs.getString("email_key");
                    if (emailKey != null) keys.add("@" + emailKey);
                    String name = petition.kind() == Kind.STATEMENT ? rs.getString("organisation")
                            : rs.getString("first_name") + " " + rs.getString("last_name");
                    if (name != null) keys.add(RowCheck.sameKey(name, rs.getString("country")));
                    return 0;
                }).forEach(x -> {}));
        return keys;
    }

    /** Waits a little for an import under way; a stop in the middle leaves it marked as running, its rows so far stored. */
    @Override
    public void close() {
        runner.shutdownNow();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
