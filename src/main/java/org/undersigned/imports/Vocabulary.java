package org.undersigned.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.signature.OrgType;
import org.undersigned.text.Countries;
import org.undersigned.text.Messages;

/**
 * The words a file may use for what the forms store as codes: countries by code or by name, types
 * of organisation by code or by name, and the headings of columns, in every language of the
 * interface (the headings of our own CSV export among them, so that an export imports again).
 * Compared without case, accents, spaces or punctuation: "Côte d'Ivoire", "cote divoire".
 */
final class Vocabulary {
    private final Map<String, String> countries = new HashMap<>();
    private final Map<String, String> orgTypes = new HashMap<>();
    private final Map<Kind, Map<String, Field>> headings = new EnumMap<>(Kind.class);

    Vocabulary(Countries countryNames, Messages messages) {
        for (Locale locale : messages.locales()) {
            countryNames.all(locale).forEach(c -> countries.putIfAbsent(plain(c.name()), c.code()));
            for (OrgType type : OrgType.values()) orgTypes.putIfAbsent(plain(messages.get(locale, "org_type." + type.code())), type.code());
        }
        countryNames.all(Locale.ENGLISH).forEach(c -> countries.put(plain(c.code()), c.code()));
        for (OrgType type : OrgType.values()) orgTypes.put(plain(type.code()), type.code());
        for (Kind kind : Kind.values()) {
            Map<String, Field> known = new HashMap<>();
            for (Field field : Field.of(kind)) {
                known.put(plain(field.code()), field);
                for (Locale locale : messages.locales()) {
                    for (String key : List.of(field.labelKey(kind), "csv.column." + field.code())) {
                        if (messages.has(locale, key)) known.putIfAbsent(plain(messages.get(locale, key)), field);
                    }
                }
            }
            for (Locale locale : messages.locales()) {
                // the export's other columns that hold a field: the name as submitted, the codes beside the names
                if (kind == Kind.STATEMENT) known.putIfAbsent(plain(messages.get(locale, "csv.column.organisation_submitted")), Field.ORGANISATION);
                if (kind == Kind.STATEMENT) known.putIfAbsent(plain(messages.get(locale, "csv.column.org_type_code")), Field.ORG_TYPE);
                known.putIfAbsent(plain(messages.get(locale, "csv.column.country_code")), Field.COUNTRY);
            }
            for (String mail : List.of("e-mail", "mail", "courriel", "correo", "correo electronico", "email address")) {
                known.putIfAbsent(plain(mail), Field.EMAIL);
            }
            headings.put(kind, known);
        }
    }

    /** The country's ISO code, from its code or its name in any language of the interface; null when unknown. */
    String country(String text) {
        return countries.get(plain(text));
    }

    /** The type's code, from its code or its name in any language of the interface; null when unknown. */
    String orgType(String text) {
        return orgTypes.get(plain(text));
    }

    /** The field a heading names, or null. */
    Field heading(Kind kind, String text) {
        return headings.get(kind).get(plain(text));
    }

    /**
     * The mapping a file's first row suggests: by its headings when one of them is known, else by
     * what its cells hold (an address, a country, a type), the names in the form's order in the
     * columns left.
     */
    Mapping guess(Kind kind, List<String> first, int width) {
        List<Field> byHeading = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < width; i++) {
            Field field = i < first.size() ? heading(kind, first.get(i)) : null;
            if (field != null && byHeading.contains(field)) field = null;
            header |= field != null;
            byHeading.add(field);
        }
        if (header) return new Mapping(byHeading, true);
        List<Field> byContent = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String cell = i < first.size() ? first.get(i) : "";
            Field field = cell.contains("@") ? Field.EMAIL
                    : country(cell) != null ? Field.COUNTRY
                    : kind == Kind.STATEMENT && orgType(cell) != null ? Field.ORG_TYPE
                    : null;
            byContent.add(field != null && byContent.contains(field) ? null : field);
        }
        List<Field> names = kind == Kind.STATEMENT ? List.of(Field.ORGANISATION, Field.CONTACT_NAME) : List.of(Field.FIRST_NAME, Field.LAST_NAME);
        int next = 0;
        for (int i = 0; i < width && next < names.size(); i++) {
            String cell = i < first.size() ? first.get(i) : "";
            if (byContent.get(i) == null && !cell.isBlank()) byContent.set(i, names.get(next++));
        }
        return new Mapping(byContent, false);
    }

    /** Lower case, without accents, spaces or punctuation. */
    static String plain(String text) {
        if (text == null) return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder s = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetterOrDigit(c)) s.append(Character.toLowerCase(c));
        }
        return s.toString();
    }
}
