package org.undersigned.petition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a signature stands, as the {@code signatures.state} column defines it (migration V024):
 * the one rule that the public list, the counts, the JSON, the dashboard, the coordinators' filter
 * and the CSV share. Only {@link #LISTED} signatures are shown and counted in public.
 */
public enum SignatureState {
    /** Kept aside by the rate limits until a coordinator releases or discards it. */
    SUSPECT,
    /** Signed, the email address not confirmed yet. */
    PENDING,
    /** Confirmed, on a statement that asks for approval, not decided yet. */
    AWAITING,
    /** Confirmed, approved where approval is asked: shown and counted in public. */
    LISTED,
    /** Confirmed, and rejected by a coordinator. */
    REJECTED,
    /** Withdrawn by the signer. */
    WITHDRAWN;

    /** The lower-case name, made once: paths, SQL and metrics ask for it on every request. */
    private final String code = name().toLowerCase(Locale.ROOT);

    /** The word the database, links and CSV use: {@code listed}. */
    public String code() {
        return code;
    }

    /** The state a word names; {@code confirmed}, the filter's word for listed before the column existed, still works. */
    public static Optional<SignatureState> of(String code) {
        if ("confirmed".equals(code)) return Optional.of(LISTED);
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
