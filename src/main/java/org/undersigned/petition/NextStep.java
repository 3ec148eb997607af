package org.undersigned.petition;

import java.util.Arrays;
import java.util.Optional;

/** The one thing a thank-you page asks of a signer after sharing, as the coordinator chose it: its words come from the bundles. */
public enum NextStep {
    DONATE, JOIN, READ;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<NextStep> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
