package org.undersigned.signature;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an organisation that signed is shown: by name, or only counted (an organisation at risk
 * asks that its name be on no public page, embed or JSON; coordinators and exports still see it).
 */
public enum Listing {
    NAME, COUNT_ONLY;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The word the form, the database and message keys use: {@code count_only}. */
    public String code() {
        return code;
    }

    public boolean named() {
        return this == NAME;
    }

    public static Optional<Listing> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
