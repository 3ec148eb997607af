package org.undersigned.text;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * "1,204th", "1 204e", "1204.º": a rank as each language the interface speaks writes it, the
 * number grouped as counts are (see {@link Messages#count}). Written here rather than by ICU's
 * rule-based format, whose data the jar leaves out.
 */
public final class Ordinals {
    private Ordinals() {}

    public static String of(long n, Locale locale) {
        String number = NumberFormat.getIntegerInstance(locale).format(n);
        return switch (locale.getLanguage()) {
            case "fr" -> number + (n == 1 ? "er" : "e");
            case "es" -> number + ".º";
            default -> number + english(n);
        };
    }

    private static String english(long n) {
        if (n % 100 >= 11 && n % 100 <= 13) return "th";
        return switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
