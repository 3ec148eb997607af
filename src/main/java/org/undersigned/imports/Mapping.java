package org.undersigned.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.petition.Kind;

/**
 * Which field each column of a file holds (null: none) and whether its first row is a heading.
 * Written as a form writes it: col_0=email&amp;col_1=country...&amp;header=yes, and kept so between
 * the preview and the import.
 */
public record Mapping(List<Field> columns, boolean header) {
    public Mapping {
        columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    /** The field of the column, or null. */
    public Field at(int column) {
        return column < columns.size() ? columns.get(column) : null;
    }

    /** Each column's field code, "" for a column left out: what the preview's selects show. */
    public List<String> codes() {
        return columns.stream().map(f -> f == null ? "" : f.code()).toList();
    }

    /** Whether some column holds this field. */
    public boolean has(Field field) {
        return columns.contains(field);
    }

    /** As the preview's form submits it: col_N for N below {@code width}, header=yes or no; empty when it carries no col_0. */
    static Optional<Mapping> read(Kind kind, Map<String, List<String>> params, int width) {
        if (!params.containsKey("col_0")) return Optional.empty();
        List<Field> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<String> given = params.get("col_" + i);
            String code = given == null || given.isEmpty() ? "" : given.get(0);
            Field field = Field.of(kind, code).orElse(null);
            // one column per field: a second choice of the same field is left out
            columns.add(field != null && columns.contains(field) ? null : field);
        }
        List<String> header = params.get("header");
        return Optional.of(new Mapping(columns, header != null && header.contains("yes")));
    }

    /** Stored as the codes, comma-separated (empty for a column left out), then "|header" or "|data". */
    String stored() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) s.append(',');
            if (columns.get(i) != null) s.append(columns.get(i).code());
        }
        return s.append(header ? "|header" : "|data").toString();
    }

    static Mapping parse(Kind kind, String stored) {
        int bar = stored.lastIndexOf('|');
        List<Field> columns = new ArrayList<>();
        for (String code : stored.substring(0, bar).split(",", -1)) columns.add(Field.of(kind, code).orElse(null));
        return new Mapping(columns, stored.substring(bar + 1).equals("header"));
    }
}
