package org.undersigned.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;

/**
 * One line's characters as a person sees them: every space alike, and no character that shows
 * nothing unless its script or an emoji needs it there. What is invisible comes from Unicode's
 * own properties (Default_Ignorable_Code_Point, the format, private-use and unassigned
 * categories), not a list of our own, so that new tricks of the same kind are caught too; what a
 * script needs follows Unicode's rules for identifiers (UAX 31): a zero-width joiner or non-joiner
 * after a virama (Devanagari and the other Indic scripts) or between letters that join (Arabic,
 * Persian, Syriac, N'Ko, Mongolian), a variation selector after a character it can vary, the
 * joiner and tags inside an emoji sequence.
 */
final class Invisibles {
    /** Accents and other nonspacing marks on one letter: four cover every script's real use, more is "Zalgo" text. */
    static final int MAX_MARKS = 4;
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int VS15 = 0xFE0E;
    private static final int VS16 = 0xFE0F;
    private static final int MONGOLIAN_VOWEL_SEPARATOR = 0x180E;
    /** A Braille cell without dots looks like, and is read as, a space. */
    private static final int BRAILLE_BLANK = 0x2800;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int TAG_FIRST = 0xE0020;
    private static final int TAG_LAST = 0xE007E;
    private static final int CANCEL_TAG = 0xE007F;

    private Invisibles() {}

    /** NFC text in, one line out: spaces of every kind as one ASCII space, not trimmed; invisible characters gone. */
    static String clean(String text) {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        int marks = 0;
        int keepTagsUntil = -1;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (UCharacter.isUWhiteSpace(c) || c == BRAILLE_BLANK) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
                marks = 0;
                continue;
            }
            int type = UCharacter.getType(c);
            boolean invisible = type == UCharacterCategory.FORMAT
                    || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
            if (invisible) {
                if (i <= keepTagsUntil || needed(cps, i, last(out))) out.appendCodePoint(c);
                continue;
            }
            switch (type) {
                case UCharacterCategory.CONTROL, UCharacterCategory.PRIVATE_USE, UCharacterCategory.SURROGATE,
                     UCharacterCategory.UNASSIGNED -> {
                    continue; // shows nothing, or something only a font of someone's own shows
                }
                case UCharacterCategory.NON_SPACING_MARK, UCharacterCategory.ENCLOSING_MARK -> {
                    // a mark needs a letter to sit on: one that leads a word would sit on whatever the page puts before it
                    int base = last(out);
                    if (base < 0 || base == ' ' || ++marks > MAX_MARKS) continue;
                    out.appendCodePoint(c);
                    continue;
                }
                default -> marks = 0;
            }
            if (c == BLACK_FLAG) keepTagsUntil = tagSequenceEnd(cps, i);
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** Whether this invisible character does something here, after {@code previous} (the last character kept, or -1). */
    private static boolean needed(int[] cps, int i, int previous) {
        int c = cps[i];
        int next = i + 1 < cps.length ? cps[i + 1] : -1;
        if (c == ZWNJ || c == ZWJ) {
            if (previous >= 0 && UCharacter.getCombiningClass(previous) == 9) return true; // after a virama: conjunct forms
            if (joinsBefore(cps, i) && joinsAfter(cps, i)) return true; // between joining letters: the letters' shapes
            return c == ZWJ && emojiBefore(previous) && next >= 0 && UCharacter.hasBinaryProperty(next, UProperty.EXTENDED_PICTOGRAPHIC);
        }
        if (UCharacter.hasBinaryProperty(c, UProperty.VARIATION_SELECTOR)) {
            if (previous < 0 || previous == ' ' || UCharacter.hasBinaryProperty(previous, UProperty.VARIATION_SELECTOR)) return false;
            if (c == VS15 || c == VS16) return UCharacter.hasBinaryProperty(previous, UProperty.EMOJI);
            if (c >= 0xE0100) return UCharacter.hasBinaryProperty(previous, UProperty.IDEOGRAPHIC);
            return !UCharacter.hasBinaryProperty(previous, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
        }
        if (c == MONGOLIAN_VOWEL_SEPARATOR) {
            return previous >= 0 && UScript.getScript(previous) == UScript.MONGOLIAN && next >= 0 && UScript.getScript(next) == UScript.MONGOLIAN;
        }
        // a visible format character that belongs to one script (the Arabic number signs): that script's own sign
        int script = UScript.getScript(c);
        return !UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                && script != UScript.COMMON && script != UScript.INHERITED;
    }

    /** Before position i, past transparent marks, a letter that joins to its left-hand neighbour in logical order (Joining_Type L, D or C). */
    private static boolean joinsBefore(int[] cps, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int type = UCharacter.getIntPropertyValue(cps[j], UProperty.JOINING_TYPE);
            if (type == UCharacter.JoiningType.TRANSPARENT) continue;
            return type == UCharacter.JoiningType.LEFT_JOINING || type == UCharacter.JoiningType.DUAL_JOINING
                    || type == UCharacter.JoiningType.JOIN_CAUSING;
        }
        return false;
    }

    /** After position i, past transparent marks, a letter that joins to what precedes it (Joining_Type R, D or C). */
    private static boolean joinsAfter(int[] cps, int i) {
        for (int j = i + 1; j < cps.length; j++) {
            int type = UCharacter.getIntPropertyValue(cps[j], UProperty.JOINING_TYPE);
            if (type == UCharacter.JoiningType.TRANSPARENT) continue;
            return type == UCharacter.JoiningType.RIGHT_JOINING || type == UCharacter.JoiningType.DUAL_JOINING
                    || type == UCharacter.JoiningType.JOIN_CAUSING;
        }
        return false;
    }

    /** What an emoji zero-width-joiner sequence has before each joiner: a pictograph, maybe with a skin tone or emoji presentation. */
    private static boolean emojiBefore(int previous) {
        return previous >= 0 && (previous == VS16 || UCharacter.hasBinaryProperty(previous, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(previous, UProperty.EMOJI_MODIFIER));
    }

    /** The index of the cancel tag that ends a flag's tag sequence (black flag, tags, cancel tag), or -1 when none follows. */
    private static int tagSequenceEnd(int[] cps, int flag) {
        int j = flag + 1;
        while (j < cps.length && cps[j] >= TAG_FIRST && cps[j] <= TAG_LAST) j++;
        return j > flag + 1 && j < cps.length && cps[j] == CANCEL_TAG ? j : -1;
    }

    private static int last(StringBuilder out) {
        return out.length() == 0 ? -1 : Character.codePointBefore(out, out.length());
    }
}
