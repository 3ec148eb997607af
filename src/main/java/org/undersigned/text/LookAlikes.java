package org.undersigned.text;

import com.ibm.icu.text.SpoofChecker;

/**
 * Names that mix scripts inside one word, as a Cyrillic 'а' in a Latin name does: the look-alike
 * trick that makes one organisation's name pass for another's. Whole words in different scripts
 * ("Amnesty International Россия") and the mixtures a writing system uses (Japanese kanji with
 * kana and Latin, Korean with Han) are not flagged: Unicode's "highly restrictive" level (UTS 39),
 * checked by ICU's SpoofChecker word by word, along with digits from two numbering systems.
 */
public final class LookAlikes {
    /** Immutable once built, and safe to use from many threads (ICU documents its checks as such). */
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    private LookAlikes() {}

    /** Whether any word of the text mixes scripts (or numbering systems) the way look-alikes do; false for null. */
    public static boolean mixScripts(String text) {
        if (text == null || isAscii(text)) return false;
        for (String word : text.split("[^\\p{L}\\p{M}\\p{N}\\u200C\\u200D]+")) {
            if (!word.isEmpty() && CHECKER.failsChecks(word)) return true;
        }
        return false;
    }

    /**
     * The text as it looks, whatever the alphabet of each letter (Unicode's confusable skeleton):
     * "Amnesty Internationаl" with a Cyrillic "а" and the Latin one alike (and "rn" like "m"): a key
     * to compare names by, not to show.
     */
    public static String skeleton(String text) {
        return text == null ? null : SKELETONS.getSkeleton(SpoofChecker.ANY_CASE, text);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) > 0x7F) return false;
        return true;
    }
}
