package org.undersigned.signature;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.net.IDN;
import java.util.Locale;

/**
 * The one rule for an email address a form takes: its syntax, and the canonical key duplicates
 * are compared by. Only a plain {@code local@domain} is taken: RFC 5322 also allows comments,
 * quoted local parts and display names, and each of those would be a new address in the
 * signatures' eyes while the mail still reaches the same mailbox.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    /** Characters a plain address never holds: what comments, quoting, display names, address literals and lists are made of. */
    private static final String NOT_PLAIN = "\"(),:;<>[]\\";
    private final EmailValidator validator = JMail.strictValidator().disallowQuotedIdentifiers().disallowObsoleteWhitespace();

    public boolean isValid(String email) {
        return problem(email) == null;
    }

    /**
     * What is wrong with the address, as the form's error names it: {@code too_long}, {@code plain}
     * (a comment, quotes, a name, brackets or a space around or in the address) or {@code invalid};
     * null for one plain mailbox.
     */
    public String problem(String email) {
        if (email.length() > MAX_LENGTH) return "too_long";
        if (email.codePoints().anyMatch(c -> NOT_PLAIN.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "plain";
        }
        return email.indexOf('@') == email.lastIndexOf('@') && validator.isValid(email) ? null : "invalid";
    }

    /**
     * The mailbox an address reaches, as far as one can tell: lower-cased (no provider in use
     * treats case as meaningful), a "+tag" dropped, the domain in its ASCII form (an
     * internationalised domain reaches the same mailbox either way it is typed), and for Gmail the
     * dots too, with googlemail.com unified to gmail.com. Mail still goes to the address as typed.
     */
    public String key(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = ascii(lower.substring(at + 1));
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            domain = "gmail.com";
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    private static String ascii(String domain) {
        try {
            return IDN.toASCII(domain).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return domain; // not a name IDN can convert: compared as typed
        }
    }
}
