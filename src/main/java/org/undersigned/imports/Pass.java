package org.undersigned.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One reading of a file's rows, each checked ({@link RowCheck}) and marked as a duplicate when its
 * signatory has signed the petition already or came in an earlier row: what the preview shows
 * and what the import then stores are the same rows.
 */
final class Pass implements AutoCloseable {
    private final ImportFile.Rows rows;
    private final RowCheck check;
    /** Keys of the petition's signatures (see {@link RowCheck#sameKey}); the file's own join them as they are read. */
    private final Set<String> existing;
    private final Set<String> seen = new java.util.HashSet<>();

    Pass(Upload upload, Mapping mapping, RowCheck check, Set<String> existing) {
        this.rows = ImportFile.rows(upload.content(), upload.separator());
        this.check = check;
        this.existing = existing;
        if (mapping.header() && rows.hasNext()) rows.next();
    }

    boolean hasNext() {
        return rows.hasNext();
    }

    RowCheck.Checked next() {
        ImportFile.Rows.Row row = rows.next();
        RowCheck.Checked checked = check.check(row.line(), row.cells());
        if (!checked.valid()) return checked;
        String key = checked.sameKey();
        String problem = existing.contains(key) ? RowCheck.SIGNED_ALREADY : seen.contains(key) ? RowCheck.TWICE_IN_FILE : null;
        // a row with an address may match, by name and country, a later row without one
        seen.add(key);
        if (checked.signature().email() != null) seen.add(check.sameKeyByName(checked.signature()));
        if (problem == null) return checked;
        List<String> problems = new ArrayList<>(checked.problems());
        problems.add(problem);
        return new RowCheck.Checked(checked.line(), checked.values(), null, List.copyOf(problems), key);
    }

    @Override
    public void close() {
        rows.close();
    }
}
