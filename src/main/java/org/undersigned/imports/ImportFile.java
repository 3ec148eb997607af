package org.undersigned.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file as text, and its rows. Spreadsheets save CSV in UTF-8 (with or without a
 * byte order mark) or, on Windows in western languages, in Windows-1252: a file that is not valid
 * UTF-8 is read as the latter, which decodes any byte. The separator is the one of comma,
 * semicolon and tab found most often outside quotes in the first lines.
 */
public final class ImportFile {
    /** What an import holds at most: 100,000 rows of every column come to about 20 MB. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** A line longer than this is not a row of signatures; the reader stops there rather than hold it. */
    static final int MAX_LINE = 20_000;
    static final int MAX_COLUMNS = 40;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] SEPARATORS = {',', ';', '\t'};

    /** Why a file cannot be read, each with its message import.refused.CODE. */
    public enum Refusal {
        EMPTY, BINARY, TOO_LARGE, LINE_TOO_LONG, TOO_MANY_COLUMNS;

        public String messageKey() {
            return "import.refused." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A refusal, with the line it was found on (0: the file as a whole). */
    public static final class Refused extends RuntimeException {
        final Refusal refusal;
        final long line;

        public Refusal refusal() {
            return refusal;
        }

        public long line() {
            return line;
        }

        Refused(Refusal refusal, long line) {
            super(refusal.name() + (line > 0 ? " at line " + line : ""), null, false, false);
            this.refusal = refusal;
            this.line = line;
        }
    }

    /** The decoded text, the charset it came in, and the separator between its cells. */
    record Decoded(String text, String charset, char separator) {}

    private ImportFile() {}

    /** A row of a file read whole: the line it starts on and its cells. */
    public record Line(long line, List<String> cells) {}

    /**
     * The rows of a small upload read whole (encoding and separator found as for an import), for
     * other features' uploads such as the member roster; {@link Refused} as {@link #decode} and {@link #rows}.
     */
    public static List<Line> lines(byte[] bytes, int maxRows) {
        Decoded decoded = decode(bytes);
        List<Line> lines = new java.util.ArrayList<>();
        try (Rows rows = rows(decoded.text(), decoded.separator())) {
            while (rows.hasNext() && lines.size() < maxRows) {
                Rows.Row row = rows.next();
                lines.add(new Line(row.line(), row.cells()));
            }
        }
        return lines;
    }

    /** Decodes an upload, or throws {@link Refused} for one that holds no rows or is no text. */
    static Decoded decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw new Refused(Refusal.TOO_LARGE, 0);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (binary(bytes, start)) throw new Refused(Refusal.BINARY, 0);
        String charset = "UTF-8";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            charset = "windows-1252";
            text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
        }
        if (text.isBlank()) throw new Refused(Refusal.EMPTY, 0);
        return new Decoded(text, charset, separator(text));
    }

    /**
     * Images, archives and spreadsheets saved in their own format (.xlsx is a zip) hold NUL bytes
     * or many control characters near their start; text holds none but tabs and line ends.
     */
    private static boolean binary(byte[] bytes, int start) {
        int end = Math.min(bytes.length, start + 8192);
        int control = 0;
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') control++;
        }
        return control * 20 > end - start;
    }

    /** The separator counted most often outside quotes in the first ten lines; a comma when none is. */
    static char separator(String text) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 10; i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '\n') lines++;
            else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) if (c == SEPARATORS[s]) counts[s]++;
            }
        }
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) if (counts[s] > counts[best]) best = s;
        return SEPARATORS[best];
    }

    /**
     * The rows of the text, one list of cells each, read as they are needed. Blank lines are
     * skipped; {@link Refused} comes from the iterator at a line too long or with too many cells.
     */
    static Rows rows(String text, char separator) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        try {
            return new Rows(CSVParser.parse(new LineLimit(new StringReader(text)), format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows as they are read: the cells of each, and the line it starts on. */
    static final class Rows implements Iterator<Rows.Row>, AutoCloseable {
        record Row(long line, List<String> cells) {}

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Rows(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw refusal(e).orElseThrow(() -> e);
            }
        }

        @Override
        public Row next() {
            CSVRecord record;
            try {
                record = records.next();
            } catch (UncheckedIOException e) {
                throw refusal(e).orElseThrow(() -> e);
            }
            if (record.size() > MAX_COLUMNS) throw new Refused(Refusal.TOO_MANY_COLUMNS, record.getRecordNumber());
            return new Row(parser.getCurrentLineNumber(), record.toList());
        }

        private Optional<Refused> refusal(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refused refused) return Optional.of(refused);
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops a line that goes on and on (a file of one enormous line) before the parser holds it all. */
    private static final class LineLimit extends Reader {
        private final Reader in;
        private int sinceNewline;
        private long line = 1;

        LineLimit(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = offset; i < offset + Math.max(n, 0); i++) {
                if (buffer[i] == '\n') {
                    sinceNewline = 0;
                    line++;
                } else if (++sinceNewline > MAX_LINE) {
                    throw new IOException(new Refused(Refusal.LINE_TOO_LONG, line));
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
