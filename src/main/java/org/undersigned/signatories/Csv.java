package org.undersigned.signatories;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF, and any cell that a spreadsheet would
 * take for a formula (starting with =, +, -, @, tab or carriage return) prefixed with a quote.
 */
final class Csv {
    static final String BOM = "\uFEFF";
    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null) return "";
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        if (text.contains("\"") || text.contains(",") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
