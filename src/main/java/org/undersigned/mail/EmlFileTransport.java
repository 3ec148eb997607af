package org.undersigned.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.simplejavamail.converter.EmailConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP relay configured, each mail becomes an .eml file (open it in any mail program)
 * and its links are logged, so a newcomer can sign and confirm on a laptop.
 */
final class EmlFileTransport implements MailTransport {
    private static final Logger log = LoggerFactory.getLogger(EmlFileTransport.class);
    private static final Pattern LINK = Pattern.compile("https?://\\S+/(confirm|manage)/\\S+");
    private final Path folder;
    private final EmailFactory emails;
    /** One mail session for every file: making one per mail (the library's default) loads providers each time. */
    private final jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());

    EmlFileTransport(Path folder, EmailFactory emails) {
        this.folder = folder;
        this.emails = emails;
    }

    @Override
    public void send(QueuedMail mail) throws MailFailure {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(String.format("%013d-%06d.eml", System.currentTimeMillis(), mail.id()));
            // written aside, then moved into place: whoever watches the folder never opens a half-written mail
            Path partial = folder.resolve(file.getFileName() + ".part");
            Files.write(partial, EmailConverter.mimeMessageToEMLByteArray(EmailConverter.emailToMimeMessage(emails.build(mail), session)));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            Matcher link = LINK.matcher(mail.textBody());
            log.info("Mail written to {} ({}){}", file, mail.subject(), link.find() ? "; link: " + link.group() : "");
        } catch (IOException | RuntimeException e) {
            throw MailFailure.of(e);
        }
    }
}
