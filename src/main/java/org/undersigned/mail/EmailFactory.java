package org.undersigned.mail;

import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.email.EmailBuilder;

/** Turns an outbox row into a Simple Java Mail message (plain text and HTML alternatives). */
final class EmailFactory {
    private final String from;

    EmailFactory(String from) {
        this.from = from;
    }

    Email build(QueuedMail mail) {
        EmailPopulatingBuilder builder = EmailBuilder.startingBlank()
                .from(from)
                .to(mail.recipient())
                .withSubject(mail.subject())
                .withPlainText(mail.textBody())
                .withHTMLText(mail.htmlBody());
        Outbox.decode(mail.headers()).forEach(builder::withHeader);
        return builder.buildEmail();
    }
}
