package org.undersigned.imports;

/** An import as stored: its file, decoded, and how far its import has gone. */
public record Upload(String id, long petitionId, String fileName, String content, String charset, char separator, ImportState state,
              String mapping, int rowsTotal, int rowsDone, int imported, String report, long createdAt) {

    /** The problems the import skipped rows for, with how many each, in the order the report lists them. */
    public java.util.Map<String, Long> skipped() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String line : report.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) counts.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        return counts;
    }

    /** Rows read and not imported (a row may have several problems, and count under each in {@link #skipped}). */
    public long skippedTotal() {
        return rowsDone - imported;
    }

    /** comma, semicolon or tab, for the message import.separator.X. */
    public String separatorName() {
        return separator == ';' ? "semicolon" : separator == '\t' ? "tab" : "comma";
    }

    /** Of 100, how far the import has gone. */
    public int percent() {
        return rowsTotal == 0 ? (state == ImportState.DONE ? 100 : 0) : (int) (100L * rowsDone / rowsTotal);
    }
}
