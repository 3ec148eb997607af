package org.undersigned.petition;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One of a petition's own questions on its sign-on form, worded in the petition's language and
 * any of its translations. Its answers are stored with the signature and shown only to its
 * coordinators (the admin pages, the CSV, the authenticated API), never on a public page or JSON.
 * {@code removedAt}: taken off the form, its answers kept.
 */
public record Question(long id, int position, Type type, boolean required, Long removedAt, Map<String, Wording> wordings) {
    /** The longest answer to a short-text question, and the longest label and option. */
    public static final int MAX_ANSWER = 500;
    public static final int MAX_LABEL = 300;
    public static final int MAX_OPTION = 200;
    public static final int MAX_OPTIONS = 20;
    /** The answer stored for a ticked checkbox. */
    public static final String TICKED = "yes";

    public enum Type {
        TEXT, CHOICE, CHECKBOX;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> of(String code) {
            return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
        }
    }

    /** Its label and, for a choice, its options (the same number, in the same order, in every language). */
    public record Wording(String label, List<String> options) {}

    /** As a signer reading the petition in {@code lang} is asked it: in that language if worded in it, else in {@code ownLang}. */
    public record Asked(long id, String field, String type, boolean required, String label, List<String> options,
                        List<String> storedOptions) {}

    /** The form field that carries its answer. */
    public static String field(long id) {
        return "question_" + id;
    }

    public Wording wording(String lang, String ownLang) {
        Wording own = wordings.get(ownLang);
        Wording there = wordings.get(lang);
        if (there == null || there.options().size() != own.options().size()) return own;
        return there;
    }

    public Asked in(String lang, String ownLang) {
        Wording w = wording(lang, ownLang);
        return new Asked(id, field(id), type.code(), required, w.label(), w.options(), wordings.get(ownLang).options());
    }

    /** Its label in the petition's own language: the CSV's and the API's name for it. */
    public String label(String ownLang) {
        return wordings.get(ownLang).label();
    }

    /** Options are kept one per line. */
    public static List<String> options(String stored) {
        return stored == null || stored.isBlank() ? List.of() : stored.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
