package org.undersigned.mail;

/** An outbox row the relay is about to send; a draft (JSON, see {@link Outbox}) is rendered first. */
record QueuedMail(long id, String recipient, String subject, String textBody, String htmlBody, String headers, int attempts,
                  String draft) {
    /** This row with its draft rendered. */
    QueuedMail rendered(Mail mail) {
        return new QueuedMail(id, recipient, mail.subject(), mail.text(), mail.html(), headers, attempts, null);
    }
}
