package org.undersigned.coordinator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a coordinator may do: an admin sees every petition and manages coordinators; a coordinator sees those assigned. */
public enum Role {
    COORDINATOR, ADMIN;

    /** The lower-case name, made once: paths, SQL and metrics ask for it on every request. */
    private final String code = name().toLowerCase(Locale.ROOT);

    /** The word the database, the invitation form and message keys use. */
    public String code() {
        return code;
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    /** The code, so that templates print and join it as the word they always did. */
    @Override
    public String toString() {
        return code();
    }
}
