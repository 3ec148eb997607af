package org.undersigned.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.signature.EmailAddress;
import org.undersigned.signature.FormResult;
import org.undersigned.signature.NewSignature;
import org.undersigned.signature.SignatureForm;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/**
 * One row of a file checked as a coordinator's hand-added signature is ({@link SignatureForm#byCoordinator}),
 * once its country and type are read from a name or a code, and what makes it the same signature
 * as another: its address, or, without one, its name and country.
 */
public final class RowCheck {
    /** Problems that are not the form's: the row's signatory has signed already, or comes twice in the file. */
    static final String SIGNED_ALREADY = "duplicate.signed";
    static final String TWICE_IN_FILE = "duplicate.file";

    /** The row as checked: its signature (null with problems), its problems (import.problem.X keys' X), its key for duplicates. */
    public record Checked(long line, Map<String, String> values, NewSignature signature, List<String> problems, String sameKey) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Kind kind;
    private final SignatureForm form;
    private final Vocabulary vocabulary;
    private final EmailAddress emails;
    private final Mapping mapping;

    RowCheck(Kind kind, SignatureForm form, Vocabulary vocabulary, EmailAddress emails, Mapping mapping) {
        this.kind = kind;
        this.form = form;
        this.vocabulary = vocabulary;
        this.emails = emails;
        this.mapping = mapping;
    }

    Checked check(long line, List<String> cells) {
        Map<String, List<String>> params = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Field field = mapping.at(i);
            if (field == null) continue;
            String value = unguarded(cells.get(i));
            values.put(field.code(), value);
            if (field == Field.COUNTRY) value = codeOr(vocabulary.country(value), value);
            if (field == Field.ORG_TYPE) value = codeOr(vocabulary.orgType(value), value);
            params.put(field.code(), List.of(value));
        }
        FormResult result = form.byCoordinator(params);
        List<String> problems = new ArrayList<>();
        for (FieldError e : result.errors()) problems.add(problem(e));
        NewSignature s = result.signature();
        return new Checked(line, values, s, problems, s == null ? null : sameKey(s));
    }

    /** A known code for the text, or the text itself (which the form then finds invalid, or missing when empty). */
    private static String codeOr(String code, String text) {
        return code != null ? code : Text.line(text).isEmpty() ? "" : "?" + text;
    }

    /** "country.required" from error.supporter_country.required: the field and the kind of problem, worded once for imports. */
    private static String problem(FieldError e) {
        String key = e.messageKey();
        String kindOfProblem = key.substring(key.lastIndexOf('.') + 1);
        return e.field() + "." + (kindOfProblem.equals("too_long") && (e.field().equals("country") || e.field().equals("org_type"))
                ? "invalid" : kindOfProblem);
    }

    /** What makes two signatures of a petition one: the address's key, or without one the name and the country. */
    String sameKey(NewSignature s) {
        return s.email() != null ? "@" + emails.key(s.email()) : sameKeyByName(s);
    }

    /** The key of a signature without an address, which rows without one are compared by. */
    String sameKeyByName(NewSignature s) {
        return sameKey(kind == Kind.STATEMENT ? s.organisation() : s.firstName() + " " + s.lastName(), s.country());
    }

    static String sameKey(String name, String country) {
        return "#" + Vocabulary.plain(name) + "|" + (country == null ? "" : country.toUpperCase(Locale.ROOT));
    }

    /** Our CSV export puts a quote before a cell a spreadsheet would take for a formula: taken off again. */
    static String unguarded(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) return cell.substring(1);
        return cell;
    }
}
