package org.undersigned.mail;

import java.util.Map;

/** A rendered message, ready for the outbox. Headers are extra ones such as List-Unsubscribe. */
public record Mail(String recipient, String subject, String text, String html, Map<String, String> headers) {}
