package org.undersigned.signature;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.util.Locale;

/** Checks an address's syntax and gives the key duplicates are compared by. */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private final EmailValidator validator = JMail.strictValidator().disallowQuotedIdentifiers();

    public boolean isValid(String email) {
        return email.length() <= MAX_LENGTH && validator.isValid(email);
    }

    /**
     * Organisations' addresses compare case-insensitively. The domain is case-insensitive by
     * definition; no mail provider in use treats the local part's case as meaningful either,
     * so the whole address is lower-cased.
     */
    public String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
