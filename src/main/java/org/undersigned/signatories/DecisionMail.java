package org.undersigned.signatories;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.mail.Draft;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;
import org.undersigned.web.Localization;

/**
 * Tells a signer what the coordinators decided, inside the decision's transaction, in the signer's
 * language and with the petition's words in the language they signed: approved (with the link to
 * the public list where the name now is) or rejected (with the coordinator's note, if any).
 */
public final class DecisionMail {
    private final Outbox outbox;
    private final String baseUrl;

    public DecisionMail(Outbox outbox, String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    void approved(Handle h, Petition petition, SignatoryRow row) {
        Map<String, Object> model = model(h, petition, row);
        String listed = petition.kind() == Kind.STATEMENT ? "#signatories" : "";
        model.put("link", model.get("petitionUrl") + listed);
        send(h, petition, row, "approved", model);
    }

    void rejected(Handle h, Petition petition, SignatoryRow row, String note) {
        Map<String, Object> model = model(h, petition, row);
        model.put("note", note);
        model.put("canReply", petition.replyTo() != null);
        send(h, petition, row, "rejected", model);
    }

    private Map<String, Object> model(Handle h, Petition petition, SignatoryRow row) {
        Petition read = Petitions.in(h, petition, row.textLang());
        Map<String, Object> model = new HashMap<>();
        model.put("title", read.title());
        model.put("name", row.greetingName());
        model.put("organisation", row.shownName());
        model.put("kind", petition.kind().code());
        model.put("petitionUrl", Localization.link(baseUrl + petition.path(), locale(row)));
        return model;
    }

    private void send(Handle h, Petition petition, SignatoryRow row, String template, Map<String, Object> model) {
        outbox.enqueue(h, new Draft(row.email(), template, locale(row), model, MailComposer.replyTo(petition.replyTo())));
    }

    private static Locale locale(SignatoryRow row) {
        return Locale.forLanguageTag(row.locale() == null ? "en" : row.locale());
    }
}
