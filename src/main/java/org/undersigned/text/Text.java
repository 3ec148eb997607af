package org.undersigned.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** What every line of user input goes through before it is checked or stored. */
public final class Text {
    // control characters, bidirectional overrides/isolates, zero-width space and BOM
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}&&[^\\s]]|[\\u202A-\\u202E\\u2066-\\u2069\\u200B\\uFEFF]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");

    private static final Pattern CONTROL_BUT_NEWLINE_AND_TAB = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

    private Text() {}

    /** NFC, invisible and control characters removed, whitespace collapsed to one space, trimmed. */
    public static String line(String raw) {
        if (raw == null) return "";
        if (alreadyClean(raw)) return raw;
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = WHITESPACE.matcher(text).replaceAll(" ");
        text = INVISIBLE.matcher(text).replaceAll("");
        return text.strip();
    }

    /**
     * Printable ASCII with single spaces between words, as most names and addresses come: what
     * {@link #line} would return unchanged, found without its three passes (a few percent of a
     * sign-on's request time went to them).
     */
    private static boolean alreadyClean(String raw) {
        int last = raw.length() - 1;
        if (last < 0) return true;
        if (raw.charAt(0) == ' ' || raw.charAt(last) == ' ') return false;
        for (int i = 0; i <= last; i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c > '~' || (c == ' ' && raw.charAt(i - 1) == ' ')) return false;
        }
        return true;
    }

    /** Several lines (a Markdown text): NFC, line breaks unified to \n, control characters other than tab removed, trimmed. */
    public static String block(String raw) {
        if (raw == null) return "";
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        return CONTROL_BUT_NEWLINE_AND_TAB.matcher(text).replaceAll("").strip();
    }

    /** Length as a person counts it (code points, not UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
