package org.undersigned.imports;

import java.util.List;
import java.util.Map;

/**
 * What the preview page shows of a file: the mapping of its columns (and the first row's cells, to
 * choose it by), every row's problems a page at a time, and how many rows have each problem.
 */
public record Preview(Upload upload, List<Field> fields, Mapping mapping, List<String> firstRow, int width, List<RowCheck.Checked> rows,
               long total, long valid, Map<String, Long> problems, int page, int pages, boolean onlyProblems,
               ImportFile.Refused refused) {
    static final int PAGE_SIZE = 50;

    public boolean hasProblems() {
        return total > valid;
    }
}
