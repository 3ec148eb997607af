package org.undersigned.mail;

import jakarta.mail.internet.AddressException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.simplejavamail.mailer.MailValidationException;

/**
 * A send that did not happen. Permanent ones (the recipient's server refuses the address or the
 * message with a 5xx, or the address cannot be used at all) are given up at once; the others
 * (4xx, connection trouble, a refused sender, which is the relay's configuration and not this
 * mail's) are tried again. The message is what the log and the mail log keep: reply codes and
 * exception names, never the server's text, which echoes the recipient's address in many forms.
 */
final class MailFailure extends Exception {
    /** A reply's code and enhanced status code (RFC 3463), the only part of a server's text kept. */
    private static final Pattern CODES = Pattern.compile("^\\s*(\\d{3})[ -](\\d\\.\\d{1,3}\\.\\d{1,3})(?=\\s|$)");
    private final boolean permanent;

    private MailFailure(String description, boolean permanent, Throwable cause) {
        super(description, cause, false, true);
        this.permanent = permanent;
    }

    /** What a transport's exception means for this mail. */
    static MailFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPSenderFailedException e) return refused("the sender", e.getReturnCode(), e, false, failure);
            if (t instanceof SMTPAddressFailedException e) return refused("the recipient", e.getReturnCode(), e, true, failure);
            if (t instanceof SMTPSendFailedException e) return refused("the message", e.getReturnCode(), e, true, failure);
            if (t instanceof MailValidationException || t instanceof AddressException) {
                return new MailFailure("the mail library refuses this mail (" + t.getClass().getSimpleName() + ")", true, failure);
            }
        }
        return new MailFailure(names(failure), false, failure);
    }

    boolean permanent() {
        return permanent;
    }

    /** permanentIf5xx: whether a 5xx is about this mail (its address, its content) rather than the relay. */
    private static MailFailure refused(String what, int code, Exception reply, boolean permanentIf5xx, Throwable failure) {
        Matcher codes = CODES.matcher(String.valueOf(reply.getMessage()));
        String said = codes.find() && codes.group(1).equals(String.valueOf(code)) ? code + " " + codes.group(2) : String.valueOf(code);
        return new MailFailure("the mail server refused " + what + ": SMTP " + said, permanentIf5xx && code >= 500 && code < 600, failure);
    }

    /**
     * The exceptions' names, outermost first; a socket's own words (connection refused, timed out)
     * are kept, as they name no mail, only the relay.
     */
    private static String names(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 10; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) text.append(" <- ");
            text.append(t.getClass().getSimpleName());
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
