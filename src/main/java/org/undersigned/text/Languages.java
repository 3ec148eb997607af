package org.undersigned.text;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Languages a text may be written in (ISO 639-1), their names and their writing direction. */
public final class Languages {
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ckb");
    private static final Set<String> KNOWN = Set.of(Locale.getISOLanguages());

    private Languages() {}

    public static boolean isKnown(String code) {
        return code != null && code.length() == 2 && KNOWN.contains(code);
    }

    public static String direction(String code) {
        return code != null && RIGHT_TO_LEFT.contains(code) ? "rtl" : "ltr";
    }

    /** The language's name in itself ("Français", "العربية"), as a reader of that language looks for it. */
    public static String endonym(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equals(code)) name = locale.getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** Every two-letter language, named in the reader's language and sorted as it sorts: for a coordinator's select. */
    public static List<Map<String, String>> all(Locale reader) {
        Collator collator = Collator.getInstance(reader);
        return Arrays.stream(Locale.getISOLanguages())
                .map(code -> Map.of("code", code, "name", name(code, reader)))
                .sorted(Comparator.comparing((Map<String, String> m) -> m.get("name"), collator))
                .toList();
    }

    /** The language's name in the reader's language, with its own name after it where they differ. */
    public static String name(String code, Locale reader) {
        String inReader = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        String own = endonym(code);
        if (inReader.isEmpty()) return own;
        inReader = inReader.substring(0, 1).toUpperCase(reader) + inReader.substring(1);
        return inReader.equalsIgnoreCase(own) ? inReader : inReader + " (" + own + ")";
    }
}
