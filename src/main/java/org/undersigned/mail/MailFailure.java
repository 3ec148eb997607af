package org.undersigned.mail;

/** A send that did not happen. Permanent ones (an SMTP 5xx refusal, an unusable address) are not retried. */
final class MailFailure extends Exception {
    private final boolean permanent;

    MailFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
