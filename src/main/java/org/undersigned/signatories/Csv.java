package org.undersigned.signatories;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF, and any cell that a spreadsheet would
 * take for a formula (starting with =, +, -, @, tab or carriage return) prefixed with a quote.
 */
final class Csv {
    static final String BOM = "\uFEFF";

    /**
     * Between cells: spreadsheets set to a language whose decimal mark is a comma (French, Spanish,
     * German...) split a file on semicolons, and would show a comma-separated one in a single column.
     */
    enum Separator {
        COMMA(','), SEMICOLON(';');

        final char character;

        Separator(char character) {
            this.character = character;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Separator> of(String code) {
            for (Separator s : values()) if (s.code().equals(code)) return Optional.of(s);
            return Optional.empty();
        }

        /** What a spreadsheet in the reader's language expects. */
        static Separator usualFor(Locale reader) {
            return switch (reader.getLanguage()) {
                case "en", "ja", "ko", "zh", "he", "th" -> COMMA;
                default -> SEMICOLON;
            };
        }
    }

    private final Writer out;
    private final Separator separator;

    Csv(Writer out, Separator separator) {
        this.out = out;
        this.separator = separator;
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(separator.character);
            out.write(cell(cells.get(i), separator));
        }
        out.write("\r\n");
    }

    static String cell(String value, Separator separator) {
        if (value == null) return "";
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        if (text.contains("\"") || text.indexOf(separator.character) >= 0 || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
