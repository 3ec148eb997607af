package org.undersigned.signature;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.util.Locale;

/** Checks an address's syntax and gives the canonical key duplicates are compared by. */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private final EmailValidator validator = JMail.strictValidator();

    public boolean isValid(String email) {
        return email.length() <= MAX_LENGTH && validator.isValid(email);
    }

    /**
     * The mailbox an address reaches, as far as one can tell: lower-cased (no provider in use
     * treats case as meaningful), a "+tag" dropped, and for Gmail the dots too, with
     * googlemail.com unified to gmail.com. Mail still goes to the address as typed.
     */
    public String key(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            domain = "gmail.com";
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }
}
