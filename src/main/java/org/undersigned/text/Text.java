package org.undersigned.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** What every line of user input goes through before it is checked or stored. */
public final class Text {
    private static final Pattern CONTROL_BUT_NEWLINE_AND_TAB = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

    private Text() {}

    /**
     * NFC, spaces of every kind collapsed to one, trimmed, and every character that shows nothing
     * removed unless the line's script or an emoji needs it (see {@link Invisibles}).
     */
    public static String line(String raw) {
        if (raw == null) return "";
        if (alreadyClean(raw)) return raw;
        return Normalizer.normalize(Invisibles.clean(raw), Normalizer.Form.NFC).strip();
    }

    /** Whether the text has something to read: a letter or a digit of any script (a name of marks, dots or emoji alone has none). */
    public static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(c -> UCharacter.isLetter(c) || UCharacter.getIntPropertyValue(c, UProperty.NUMERIC_TYPE) != UCharacter.NumericType.NONE);
    }

    /**
     * Printable ASCII with single spaces between words, as most names and addresses come: what
     * {@link #line} would return unchanged, found without going through it character by character (a few percent of a
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
