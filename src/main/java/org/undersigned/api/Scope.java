package org.undersigned.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API token may do: read a petition's signatures, or read them and add new ones. */
public enum Scope {
    READ, WRITE;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The word the form, the database and message keys use. */
    public String code() {
        return code;
    }

    public static Optional<Scope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code();
    }
}
