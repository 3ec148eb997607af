package org.undersigned.petition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a petition stands. A coordinator sets draft, open or closed; {@link #SCHEDULED} is what an
 * open petition is before its opening time (see {@link Petition#at}), never stored.
 */
public enum PetitionStatus {
    DRAFT, SCHEDULED, OPEN, CLOSED;

    /** The lower-case name, made once: paths, SQL and metrics ask for it on every request. */
    private final String code = name().toLowerCase(Locale.ROOT);

    /** The statuses a coordinator may choose, in the form's order. */
    public static final java.util.List<PetitionStatus> CHOSEN = java.util.List.of(DRAFT, OPEN, CLOSED);

    /** The word the database, the form, the JSON and message keys use: {@code open}. */
    public String code() {
        return code;
    }

    /**
     * The one rule of where a petition stands at a moment: an open one is scheduled before its
     * opening time and closed from its closing time; a draft or closed one stays as set.
     */
    public static PetitionStatus at(PetitionStatus stored, Long opensAt, Long closesAt, long now) {
        if (stored != OPEN) return stored;
        if (opensAt != null && now < opensAt) return SCHEDULED;
        if (closesAt != null && now >= closesAt) return CLOSED;
        return OPEN;
    }

    public static Optional<PetitionStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** The code, so that templates print and join it as the word they always did. */
    @Override
    public String toString() {
        return code();
    }
}
