package org.undersigned.mail;

import java.util.Map;

/** A rendered message, ready for the outbox. Headers are extra ones such as List-Unsubscribe. */
public record Mail(String recipient, String subject, String text, String html, Map<String, String> headers) {
    public Mail withHeaders(Map<String, String> extra) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.putAll(extra);
        return new Mail(recipient, subject, text, html, all);
    }
}
