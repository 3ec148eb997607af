package org.undersigned.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.petition.Kind;

/**
 * What a column of an import holds: one of the fields of the petition's sign-on form, named as
 * the form names it (its code is the form field's name), or nothing to import.
 */
public enum Field {
    ORGANISATION, ORG_TYPE, COUNTRY, WEBSITE, CONTACT_NAME, FIRST_NAME, LAST_NAME, EMAIL, COMMENT;

    private static final List<Field> STATEMENT = List.of(ORGANISATION, ORG_TYPE, COUNTRY, WEBSITE, CONTACT_NAME, EMAIL);
    private static final List<Field> CAMPAIGN = List.of(FIRST_NAME, LAST_NAME, EMAIL, COUNTRY, COMMENT);

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fields a petition of this kind signs with, in its form's order. */
    static List<Field> of(Kind kind) {
        return kind == Kind.STATEMENT ? STATEMENT : CAMPAIGN;
    }

    static Optional<Field> of(Kind kind, String code) {
        return of(kind).stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The form's label of this field (sign.org.X or sign.supporter.X), a heading a file may carry. */
    String labelKey(Kind kind) {
        return (kind == Kind.STATEMENT ? "sign.org." : "sign.supporter.") + code();
    }
}
