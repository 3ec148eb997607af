package org.undersigned.signatories;

import java.util.Locale;
import java.util.Optional;

/**
 * The authenticity hint for an organisation's sign-on: whether its contact address is at its
 * website's registrable domain (info@mail.rivers.eu for www.rivers.eu matches; a webmail address
 * differs). Without a website of its own there is nothing to compare, and no hint.
 */
public enum DomainMatch {
    MATCHES, DIFFERS, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The hint a filter asks for ({@code matches} or {@code differs}); empty for any other word. */
    static Optional<DomainMatch> of(String code) {
        if ("matches".equals(code)) return Optional.of(MATCHES);
        if ("differs".equals(code)) return Optional.of(DIFFERS);
        return Optional.empty();
    }

    static DomainMatch of(String website, String email) {
        String site = DuplicateKeys.website(website);
        if (site.isEmpty()) return UNKNOWN;
        String mail = DuplicateKeys.mailHost(email);
        return !mail.isEmpty() && DuplicateKeys.registrable(mail).equals(DuplicateKeys.registrable(site)) ? MATCHES : DIFFERS;
    }
}
