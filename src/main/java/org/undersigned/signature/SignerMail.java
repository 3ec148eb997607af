package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.mail.Mail;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.petition.Petition;

/** The mails a signer receives, each written to the outbox inside the caller's transaction. */
final class SignerMail {
    private final Outbox outbox;
    private final SignatureWrites writes;
    private final MailComposer composer;
    private final Tokens tokens;
    private final Clock clock;
    private final String baseUrl;
    private final Duration confirmValidity;

    SignerMail(Outbox outbox, SignatureWrites writes, MailComposer composer, Tokens tokens, Clock clock, String baseUrl, Duration confirmValidity) {
        this.outbox = outbox;
        this.writes = writes;
        this.composer = composer;
        this.tokens = tokens;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.confirmValidity = confirmValidity;
    }

    /** A fresh confirmation link (earlier ones stay valid) in the given template: confirm, confirm_again, reminder. */
    void confirmation(Handle h, Petition petition, long signatureId, String email, String name, Locale locale, String template) {
        enqueue(h, signatureId, prepareConfirmation(petition, email, name, locale, template));
    }

    /**
     * A confirmation mail composed before the transaction (composing is the costly part, and the
     * single writer should not wait for it); its link works once {@link #enqueue} stored it.
     */
    Prepared prepareConfirmation(Petition petition, String email, String name, Locale locale, String template) {
        String token = tokens.next();
        Map<String, Object> model = model(petition, name, Map.of("link", baseUrl + "/confirm/" + token,
                "validDays", confirmValidity.toDays()));
        return new Prepared(List.of(new Link(Tokens.hash(token), "confirm", clock.millis() + confirmValidity.toMillis())),
                composer.compose(template, locale, email, model));
    }

    /** Inside the caller's transaction: the links' tokens and the mail, together. */
    void enqueue(Handle h, long signatureId, Prepared prepared) {
        long now = clock.millis();
        for (Link link : prepared.links()) writes.addToken(link.tokenHash(), signatureId, link.purpose(), now, link.expiresAt());
        outbox.enqueue(h, prepared.mail());
    }

    /** A mail and the links in it, whose tokens are not stored yet (only their hashes will be). */
    record Prepared(List<Link> links, Mail mail) {}

    record Link(String tokenHash, String purpose, Long expiresAt) {}

    /** A link to the signer's own page, in the given template: thanks, already_signed. */
    void manageLink(Handle h, Petition petition, long signatureId, boolean updates, String name, String email, Locale locale,
                    String template) {
        enqueue(h, signatureId, prepareManageLink(petition, updates, name, email, locale, template));
    }

    /** {@link #manageLink}, composed before the transaction, like {@link #prepareConfirmation}. */
    Prepared prepareManageLink(Petition petition, boolean updates, String name, String email, Locale locale, String template) {
        List<Link> links = new ArrayList<>(2);
        Map<String, Object> model = new HashMap<>();
        model.put("link", baseUrl + "/manage/" + token(links, "manage"));
        Map<String, String> headers = Map.of();
        if (updates && template.equals("thanks")) {
            // the first mail of the updates relationship already offers the one-click way out (RFC 8058)
            String unsubscribe = baseUrl + "/unsubscribe/" + token(links, "unsubscribe");
            model.put("unsubscribe", unsubscribe);
            headers = Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        Mail mail = composer.compose(template, locale, email, model(petition, name, model));
        return new Prepared(links, headers.isEmpty() ? mail : mail.withHeaders(headers));
    }

    /** A new token for a link that does not expire; its hash joins the links to store. */
    private String token(List<Link> links, String purpose) {
        String token = tokens.next();
        links.add(new Link(Tokens.hash(token), purpose, null));
        return token;
    }

    private Map<String, Object> model(Petition petition, String name, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", petition.title());
        model.put("name", name);
        model.put("kind", petition.kind());
        model.put("petitionUrl", baseUrl + petition.path());
        return model;
    }
}
