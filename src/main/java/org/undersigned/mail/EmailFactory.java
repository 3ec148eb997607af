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

    /** The header a mail about a petition carries its coordinators' contact in (see {@link MailComposer#replyTo}). */
    static final String REPLY_TO = "Reply-To";
    private final String from;
    private final java.util.function.Supplier<String> fromName;

    EmailFactory(String from) {
        this(from, () -> null);
    }

    /**
     * Every mail from this address under this display name (none: the bare address), asked for each
     * mail: the site's name may change on the settings page while the relay runs.
     */
    EmailFactory(String from, java.util.function.Supplier<String> fromName) {
        this.from = from;
        this.fromName = fromName;
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
        }
    }

    Email build(QueuedMail mail) {
        EmailPopulatingBuilder builder = EmailBuilder.startingBlank()
                .from(fromName.get(), from)
                .to(mail.recipient())
                .withSubject(mail.subject())
                .withPlainText(mail.textBody())
                .withHTMLText(mail.htmlBody());
        Outbox.decode(mail.headers()).forEach((name, value) -> {
            // a petition's coordinators' contact: a header Simple Java Mail must set itself, or it adds its own beside it
            if (name.equalsIgnoreCase(REPLY_TO)) builder.withReplyTo(value);
            else builder.withHeader(name, value);
        });
        return builder.buildEmail();
    }
}
