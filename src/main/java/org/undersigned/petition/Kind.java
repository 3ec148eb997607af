package org.undersigned.petition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What is signed: a joint statement (organisations, listed by name) or a campaign (supporters, counted). */
public enum Kind {
    STATEMENT, CAMPAIGN;

    /** The lower-case name, made once: paths, SQL and metrics ask for it on every request. */
    private final String code = name().toLowerCase(Locale.ROOT);
    private final String plural = code + "s";

    /** The word the database, paths, JSON and message keys use: {@code statement}. */
    public String code() {
        return code;
    }

    /** The first segment of its pages' paths: {@code statements}. */
    public String plural() {
        return plural;
    }

    /** The public page of the petition of this kind with this slug: {@code /statements/end-detention}. */
    public String path(String slug) {
        return "/" + plural + "/" + slug;
    }

    public static Optional<Kind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** The code, so that templates print and join it as the word they always did. */
    @Override
    public String toString() {
        return code();
    }
}
