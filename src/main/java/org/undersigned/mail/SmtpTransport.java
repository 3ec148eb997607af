package org.undersigned.mail;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;
import org.undersigned.Config;

/** Sends through an SMTP relay with Simple Java Mail; {@link MailFailure#of} tells permanent refusals from passing trouble. */
final class SmtpTransport implements MailTransport {
    private final Mailer mailer;
    private final EmailFactory emails;
    private final WriteTimeouts writeTimeouts = new WriteTimeouts();

    SmtpTransport(Config.Smtp smtp, EmailFactory emails) {
        this(smtp, emails, 20_000);
    }

    /** timeoutMillis: for connecting, and for each read and each write on the connection. */
    SmtpTransport(Config.Smtp smtp, EmailFactory emails, int timeoutMillis) {
        this.emails = emails;
        TransportStrategy strategy = switch (smtp.transport()) {
            case PLAIN -> TransportStrategy.SMTP;
            case STARTTLS -> TransportStrategy.SMTP_TLS;
            case SMTPS -> TransportStrategy.SMTPS;
        };
        this.mailer = MailerBuilder
                .withSMTPServer(smtp.host(), smtp.port(), smtp.username(), smtp.password())
                .withTransportStrategy(strategy)
                .withSessionTimeout(timeoutMillis)
                .withProperties(writeTimeouts.property()) // an object: withProperty(key, value) would turn it into text
                // connections are pooled (batch-module) and reused: one per parallel sender of the relay
                .withConnectionPoolCoreSize(0)
                .withConnectionPoolMaxSize(MailRelay.CONNECTIONS)
                // recipients were checked strictly at sign-on; the sender may be a local name (undersigned@localhost)
                .withEmailValidator(com.sanctionco.jmail.JMail.validator())
                .buildMailer();
    }

    @Override
    public void send(QueuedMail mail) throws MailFailure {
        try {
            mailer.sendMail(emails.build(mail)).join();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw MailFailure.of(cause);
        }
    }

    @Override
    public void close() {
        try {
            mailer.shutdownConnectionPool().get(5, TimeUnit.SECONDS); // the connections say QUIT, through the timer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the relay has finished its sends; a connection that does not close in time is dropped with the process
        } finally {
            writeTimeouts.close();
        }
    }
}
