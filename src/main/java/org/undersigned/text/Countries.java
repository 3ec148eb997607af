package org.undersigned.text;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ISO 3166-1 alpha-2 countries, named in the reader's language (CLDR data of the JDK). */
public final class Countries {
    public record Country(String code, String name) {}

    private final Set<String> codes = Set.of(Locale.getISOCountries());
    private final Map<Locale, List<Country>> sorted = new ConcurrentHashMap<>();

    public boolean isValid(String code) {
        return code != null && codes.contains(code);
    }

    public String name(String code, Locale locale) {
        return isValid(code) ? new Locale("", code).getDisplayCountry(locale) : code;
    }

    public List<Country> all(Locale locale) {
        return sorted.computeIfAbsent(locale, l -> Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, name(code, l)))
                .sorted(Comparator.comparing(Country::name, Collator.getInstance(l)))
                .toList());
    }
}
