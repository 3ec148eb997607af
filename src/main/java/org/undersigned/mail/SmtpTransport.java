package org.undersigned.mail;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;
import org.undersigned.Config;

/** Sends through an SMTP relay with Simple Java Mail; tells permanent refusals from passing trouble. */
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
            throw new MailFailure(describe(cause), isPermanent(cause), cause);
        }
    }

    private static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            int code = replyCode(t);
            if (code >= 500) return true;
            if (code >= 400) return false;
            if (t instanceof org.simplejavamail.MailException && t.getClass().getSimpleName().contains("Validation")) return true;
        }
        return false;
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) return e.getReturnCode();
        if (t instanceof SMTPSenderFailedException e) return e.getReturnCode();
        if (t instanceof SMTPSendFailedException e) return e.getReturnCode();
        return -1;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!text.isEmpty()) text.append(" <- ");
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
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
