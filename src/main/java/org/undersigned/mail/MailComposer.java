package org.undersigned.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.undersigned.text.Messages;
import org.undersigned.text.Templates;

/** Renders templates/mail/NAME.txt.peb and NAME.html.peb into a {@link Mail}; the subject comes from the bundle. */
public final class MailComposer {
    private final Templates templates;
    private final Messages messages;

    public MailComposer(Templates templates, Messages messages) {
        this.templates = templates;
        this.messages = messages;
    }

    public Mail compose(String name, Locale locale, String recipient, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("lang", locale.getLanguage());
        String subject = messages.get(locale, "mail." + name + ".subject", model.getOrDefault("title", ""))
                .replaceAll("[\\r\\n\\t]+", " ");
        full.put("subject", subject);
        return new Mail(recipient, subject,
                templates.render("mail/" + name + ".txt.peb", full, locale),
                templates.render("mail/" + name + ".html.peb", full, locale),
                Map.of());
    }

    /** The mail a draft stands for, as {@link #compose(String, Locale, String, Map)} renders it, with the draft's headers. */
    public Mail compose(Draft draft) {
        return compose(draft.template(), draft.locale(), draft.recipient(), draft.model()).withHeaders(draft.headers());
    }
}
