package org.undersigned.text;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;

/** "1,204th", "1 204e", "1.204.º": a rank written as each language writes it, by CLDR's rules. */
public final class Ordinals {
    private Ordinals() {}

    public static String of(long n, Locale locale) {
        return new RuleBasedNumberFormat(ULocale.forLocale(locale), RuleBasedNumberFormat.ORDINAL).format(n);
    }
}
