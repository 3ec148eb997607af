package org.undersigned.copy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An application table as the target PostgreSQL database has it, minus its generated columns
 * (which PostgreSQL computes, and refuses to be given).
 *
 * @param primaryKey  the columns its rows are ordered by for the checksum (all of them where it has no primary key)
 * @param identities  the columns that draw their values from a sequence, to be moved past the copied values
 * @param triggers    whether it has triggers of its own, switched off while rows are copied
 */
record Table(String name, List<Column> columns, List<String> primaryKey, List<String> identities, boolean triggers) {

    /** What a column holds, as far as copying and comparing it goes. */
    enum Kind { BOOLEAN, INTEGER, TEXT }

    record Column(String name, Kind kind) {}

    String quotedName() {
        return quote(name);
    }

    /** The columns, quoted, in order: {@code "id", "slug", ...}. */
    String columnList() {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    /** The place of a column in {@link #columns}, from 0. */
    int index(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        throw new IllegalArgumentException(name + " has no column " + column);
    }

    Kind kind(String column) {
        return columns.get(index(column)).kind();
    }

    /**
     * Names come from the databases' own catalogs, never from input; quoted all the same, so that a
     * column called "key" or "at" is never read as a keyword.
     */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
