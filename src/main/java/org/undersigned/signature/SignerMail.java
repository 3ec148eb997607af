package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.mail.Draft;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.petition.Petition;
import org.undersigned.web.Localization;

/**
 * The mails a signer receives, each written to the outbox inside the caller's transaction as a
 * {@link Draft}: the relay renders it when it sends it, off the sign-on's path and, during a
 * spike, after it.
 */
final class SignerMail {
    private final Outbox outbox;
    private final SignatureWrites writes;
    private final LinkTokens tokens;
    private final Clock clock;
    private final String baseUrl;
    private final Duration confirmValidity;

    SignerMail(Outbox outbox, SignatureWrites writes, LinkTokens tokens, Clock clock, String baseUrl, Duration confirmValidity) {
        this.outbox = outbox;
        this.writes = writes;
        this.tokens = tokens;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.confirmValidity = confirmValidity;
    }

    /** A fresh confirmation link (earlier ones stay valid) in the given template: confirm, confirm_again, reminder. */
    void confirmation(Handle h, Petition petition, long signatureId, String email, String name, Locale locale, String template) {
        confirmation(h, petition, signatureId, email, name, null, locale, template);
    }

    /** As above, naming the organisation signed for (null for a supporter), so that its contact knows what they confirm. */
    void confirmation(Handle h, Petition petition, long signatureId, String email, String name, String organisation, Locale locale,
                      String template) {
        enqueue(h, signatureId, prepareConfirmation(petition, email, name, organisation, locale, template));
    }

    /**
     * A confirmation mail prepared before the transaction (the single writer should not wait even
     * for that); its link works once {@link #enqueue} stored it.
     */
    Prepared prepareConfirmation(Petition petition, String email, String name, Locale locale, String template) {
        return prepareConfirmation(petition, email, name, null, locale, template);
    }

    /** As above, naming the organisation signed for (null: none, a supporter). */
    Prepared prepareConfirmation(Petition petition, String email, String name, String organisation, Locale locale, String template) {
        long now = clock.millis();
        String token = tokens.next(now);
        Map<String, Object> model = model(petition, name, locale, Map.of("link", link("/confirm/" + token, locale),
                "validDays", confirmValidity.toDays()));
        if (organisation != null) model.put("organisation", organisation);
        return new Prepared(LinkTokens.key(token), now + confirmValidity.toMillis(),
                outbox.encode(new Draft(email, template, locale, model, MailComposer.replyTo(petition.replyTo()))));
    }

    /** Inside the caller's transaction: the link's token and the mail, together. */
    void enqueue(Handle h, long signatureId, Prepared prepared) {
        writes.addToken(prepared.tokenKey(), signatureId, "confirm", clock.millis(), prepared.expiresAt());
        outbox.enqueue(h, prepared.draft());
    }

    record Prepared(String tokenKey, long expiresAt, Outbox.EncodedDraft draft) {}

    /**
     * What a second sign-on with an address tells it: the confirmation link again while its
     * signature is pending, else word that it has already signed, with the link to its own page.
     */
    void again(Handle h, Petition petition, long signatureId, boolean pending, boolean updates, String name, String organisation,
               String email, Locale locale) {
        if (pending) confirmation(h, petition, signatureId, email, name, organisation, locale, "confirm_again");
        else manageLink(h, petition, signatureId, updates, name, email, locale, "already_signed");
    }

    /** A link to the signer's own page, in the given template: thanks, already_signed. */
    void manageLink(Handle h, Petition petition, Signature signature, String email, Locale locale, String template) {
        manageLink(h, petition, signature.id(), signature.updates(), signature.greetingName(), email, locale, template);
    }

    void manageLink(Handle h, Petition petition, long signatureId, boolean updates, String name, String email, Locale locale,
                    String template) {
        Map<String, Object> model = new HashMap<>();
        model.put("link", link("/manage/" + token(h, signatureId, "manage", null), locale));
        Map<String, String> headers = Map.of();
        if (updates && template.equals("thanks")) {
            // the first mail of the updates relationship already offers the one-click way out (RFC 8058)
            String unsubscribe = baseUrl + "/unsubscribe/" + token(h, signatureId, "unsubscribe", null);
            model.put("unsubscribe", Localization.link(unsubscribe, locale));
            // the header's address is for the mail client's one-click POST, which shows nobody a page
            headers = Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        send(h, template, locale, email, petition, name, model, headers);
    }

    /**
     * The receipt of a withdrawal, to the address the signature had (read before it is forgotten):
     * what was withdrawn, from which petition, that it no longer appears. It holds no link of the
     * signer's own: nothing is left to manage. An address already forgotten (anonymised) gets none.
     */
    void withdrawn(Handle h, Petition petition, Signature signature) {
        if (signature.email() == null || signature.email().isEmpty()) return;
        String signed = signature.organisation() != null ? signature.organisation()
                : (signature.firstName() + " " + signature.lastName()).strip();
        send(h, "withdrawn", Locale.forLanguageTag(signature.locale()), signature.email(), petition, signature.greetingName(),
                Map.of("signed", signed), Map.of());
    }

    private String token(Handle h, long signatureId, String purpose, Long expiresAt) {
        long now = clock.millis();
        String token = tokens.next(now);
        writes.addToken(LinkTokens.key(token), signatureId, purpose, now, expiresAt);
        return token;
    }

    private void send(Handle h, String template, Locale locale, String to, Petition petition, String name,
                      Map<String, Object> extra, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(MailComposer.replyTo(petition.replyTo()));
        outbox.enqueue(h, new Draft(to, template, locale, model(petition, name, locale, extra), all));
    }

    private Map<String, Object> model(Petition petition, String name, Locale locale, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", petition.title());
        model.put("name", name);
        model.put("kind", petition.kind().code());
        model.put("petitionUrl", link(petition.path(), locale));
        // where sign-ons are reviewed, no mail may say that confirming lists or counts one
        model.put("reviewed", petition.needsApproval());
        // a mail in the interface language about a text that has no version in it says which language the text is in
        if (!petition.lang().equals(locale.getLanguage())) model.put("textLanguage", Locale.forLanguageTag(petition.lang()).getDisplayLanguage(locale));
        return model;
    }

    /** Every link in a signer's mail opens its page in the mail's language, whatever the browser asks for. */
    private String link(String path, Locale locale) {
        return Localization.link(baseUrl + path, locale);
    }
}
