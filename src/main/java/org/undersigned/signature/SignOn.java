package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.petition.Petition;
import org.undersigned.web.Messages;

/**
 * Stores a checked signature and its confirmation mail in one transaction. A second signature
 * from the same address stores nothing new; that address gets the confirmation link again (still
 * pending) or word that it has already signed, up to {@link #MAX_MAILS} mails per signature, and
 * the person at the form sees exactly what a first signer sees.
 */
public final class SignOn {
    static final int MAX_MAILS = 5;
    private final Database database;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Messages messages;
    private final Tokens tokens;
    private final EmailAddress emails;
    private final Clock clock;
    private final String baseUrl;
    private final Duration confirmValidity;

    public SignOn(Database database, Outbox outbox, MailComposer composer, Messages messages, Tokens tokens,
                  EmailAddress emails, Clock clock, String baseUrl, Duration confirmValidity) {
        this.database = database;
        this.outbox = outbox;
        this.composer = composer;
        this.messages = messages;
        this.tokens = tokens;
        this.emails = emails;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.confirmValidity = confirmValidity;
    }

    public void sign(Petition petition, NewSignature signature, Locale locale) {
        String consentText = messages.get(locale, signature.consentKey());
        String consentHash = Tokens.hash(locale.getLanguage() + "\n" + consentText);
        String emailKey = emails.key(signature.email());
        database.writer().run(h -> {
            long now = clock.millis();
            SignatureDao dao = h.attach(SignatureDao.class);
            dao.rememberConsent(consentHash, locale.getLanguage(), consentText, now);
            var inserted = dao.insert(petition.id(), signature, emailKey, locale.getLanguage(), consentHash, now);
            if (inserted.isPresent()) {
                sendConfirmation(h, petition, inserted.get(), signature.email(), signature.greetingName(), locale, "confirm");
                return;
            }
            Signature existing = dao.byEmailKey(petition.id(), emailKey).orElseThrow();
            if (existing.mailsSent() >= MAX_MAILS) return;
            if (existing.isPending()) {
                sendConfirmation(h, petition, existing.id(), signature.email(), existing.greetingName(), locale, "confirm_again");
            } else {
                String manage = newToken(h, existing.id(), "manage", null);
                mail(h, existing.id(), "already_signed", locale, signature.email(), petition, existing.greetingName(),
                        Map.of("link", baseUrl + "/manage/" + manage));
            }
        });
    }

    private void sendConfirmation(Handle h, Petition petition, long id, String email, String name, Locale locale, String template) {
        String token = newToken(h, id, "confirm", clock.millis() + confirmValidity.toMillis());
        mail(h, id, template, locale, email, petition, name, Map.of(
                "link", baseUrl + "/confirm/" + token,
                "validDays", confirmValidity.toDays()));
    }

    private String newToken(Handle h, long signatureId, String purpose, Long expiresAt) {
        String token = tokens.next();
        h.attach(SignatureDao.class).addToken(Tokens.hash(token), signatureId, purpose, clock.millis(), expiresAt);
        return token;
    }

    private void mail(Handle h, long signatureId, String template, Locale locale, String to, Petition petition,
                      String name, Map<String, Object> extra) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        model.put("title", petition.title());
        model.put("name", name);
        model.put("kind", petition.kind());
        model.put("petitionUrl", baseUrl + petition.path());
        outbox.enqueue(h, composer.compose(template, locale, to, model));
        h.attach(SignatureDao.class).countMail(signatureId);
    }
}
