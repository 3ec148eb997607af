package org.undersigned.mail;

import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.email.EmailBuilder;

/** Turns an outbox row into a Simple Java Mail message (plain text and HTML alternatives). */
final class EmailFactory {
    /**
     * Jakarta Mail 2.1 finds its StreamProvider through ServiceLoader, reading the jar again, each
     * time it builds or writes a message (jakartaee/mail-api#699 and #861), a large share of the
     * relay's processor time. Named here, the lookup is a Class.forName. An operator's own
     * setting of the property is left alone.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final String from;

    EmailFactory(String from) {
        this.from = from;
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
        }
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
