package org.undersigned.coordinator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The language a coordinator reads their mails in: invitation, password reset, digests and alerts. */
public enum Language {
    EN, FR, ES;

    private final String code = name().toLowerCase(Locale.ROOT);
    private final Locale locale = Locale.forLanguageTag(code);

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** A stored code, or English for one no longer offered. */
    public static Locale localeOf(String code) {
        return of(code).orElse(EN).locale();
    }

    @Override
    public String toString() {
        return code;
    }
}
