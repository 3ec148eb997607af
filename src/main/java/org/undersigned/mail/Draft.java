package org.undersigned.mail;

import java.util.Locale;
import java.util.Map;

/**
 * A mail queued to be rendered when the relay sends it: {@code templates/mail/TEMPLATE.*.peb} in
 * the locale, with the model, plus extra headers such as List-Unsubscribe. The model is stored as
 * JSON, so it holds strings, numbers, booleans and nulls only; the mail comes out as
 * {@link MailComposer#compose(String, Locale, String, Map)} would have rendered it when queued.
 */
public record Draft(String recipient, String template, Locale locale, Map<String, Object> model, Map<String, String> headers) {}
