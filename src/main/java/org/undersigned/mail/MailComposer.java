package org.undersigned.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.undersigned.text.Messages;
import org.undersigned.text.Templates;

/**
 * Renders templates/mail/NAME.txt.peb and NAME.html.peb into a {@link Mail}; the subject comes from
 * the bundle, kept under {@link #MAX_SUBJECT} characters. Every mail's model also holds
 * {@code siteName}, who sends it and runs the petitions, for its footer.
 */
public final class MailComposer {
    /** Subjects stay shorter than this: a phone's mail list shows about that much. */
    public static final int MAX_SUBJECT = 80;
    private final Templates templates;
    private final Messages messages;
    private final java.util.function.Supplier<String> siteName;

    public MailComposer(Templates templates, Messages messages) {
        this(templates, messages, () -> org.undersigned.Config.DEFAULT_SITE_NAME);
    }

    /** siteName: asked for each mail, as the settings page may change it while the server runs. */
    public MailComposer(Templates templates, Messages messages, java.util.function.Supplier<String> siteName) {
        this.templates = templates;
        this.messages = messages;
        this.siteName = siteName;
    }

    public Mail compose(String name, Locale locale, String recipient, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("lang", locale.getLanguage());
        full.putIfAbsent("siteName", siteName.get());
        String subject = subject(locale, "mail." + name + ".subject", String.valueOf(model.getOrDefault("title", "")));
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

    /** The subject with the title in it, the title shortened at a word with an ellipsis where the whole would reach {@link #MAX_SUBJECT}. */
    String subject(Locale locale, String key, String title) {
        String oneLine = title.replaceAll("[\\r\\n\\t]+", " ");
        String full = messages.get(locale, key, oneLine).replaceAll("[\\r\\n\\t]+", " ");
        if (full.codePointCount(0, full.length()) < MAX_SUBJECT) return full;
        int around = full.codePointCount(0, full.length()) - oneLine.codePointCount(0, oneLine.length());
        int room = MAX_SUBJECT - 1 - around - 1; // one for the ellipsis
        if (room <= 0) return full.substring(0, full.offsetByCodePoints(0, MAX_SUBJECT - 2)) + "…";
        String cut = oneLine.substring(0, oneLine.offsetByCodePoints(0, room));
        int space = cut.lastIndexOf(' ');
        if (space > room / 2) cut = cut.substring(0, space);
        cut = cut.replaceAll("[\\s,;:.–-]+$", "");
        return messages.get(locale, key, cut + "…");
    }

    /** The header that sends replies to a petition's coordinators' contact; none when it has none. */
    public static Map<String, String> replyTo(String address) {
        return address == null || address.isBlank() ? Map.of() : Map.of(EmailFactory.REPLY_TO, address);
    }
}
