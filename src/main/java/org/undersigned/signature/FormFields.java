package org.undersigned.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.web.FieldError;
import org.undersigned.text.Text;

/** Reads and checks the fields of one submitted form, collecting every problem rather than the first. */
final class FormFields {
    private final Map<String, List<String>> params;
    final Map<String, String> values = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();
    /** A field whose messages are worded for this form: error.NAME.problem rather than error.FIELD.problem. */
    private final Map<String, String> messageNames = new java.util.HashMap<>();

    FormFields(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The field's error messages are error.NAME.* (a supporter's country is theirs, not an organisation's). */
    FormFields messagesAs(String field, String name) {
        messageNames.put(field, name);
        return this;
    }

    /** The field's cleaned text; null and an error when required and empty or over maxLength. */
    String text(String field, boolean required, int maxLength) {
        List<String> given = params.get(field);
        String value = Text.line(given == null || given.isEmpty() ? null : given.get(0));
        values.put(field, value);
        if (value.isEmpty()) {
            if (required) error(field, "required");
            return null;
        }
        if (Text.length(value) > maxLength) {
            error(field, "too_long");
            return null;
        }
        return value;
    }

    /**
     * A person's or organisation's name: {@link #text}, and something to read in it (a letter or a
     * digit). A name typed with nothing visible in it is told so, not asked for as if left empty.
     */
    String name(String field, boolean required, int maxLength) {
        List<String> given = params.get(field);
        if (given != null && !given.isEmpty() && !given.get(0).isBlank() && Text.line(given.get(0)).isEmpty()) error(field, "no_letter");
        String name = text(field, required, maxLength);
        if (name != null && !Text.hasLetterOrDigit(name)) {
            error(field, "no_letter");
            return null;
        }
        return name;
    }

    /** A required email address: cleaned, at most {@link EmailAddress#MAX_LENGTH}, one mailbox; null and an error otherwise. */
    String email(String field, EmailAddress emails) {
        String email = text(field, true, EmailAddress.MAX_LENGTH);
        if (email != null && !emails.isValid(email)) {
            error(field, "invalid");
            return null;
        }
        return email;
    }

    boolean checkbox(String field, boolean required) {
        boolean ticked = "yes".equals(text(field, false, 10));
        if (required && !ticked) error(field, "required");
        return ticked;
    }

    /** An http(s) address; "example.org" is read as https://example.org. */
    String website(String field, int maxLength) {
        String value = text(field, false, maxLength);
        if (value == null) return null;
        String url = value.matches("(?i)^https?://.*") ? value : "https://" + value;
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || uri.getUserInfo() != null || url.length() > maxLength) {
                error(field, "invalid");
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            values.put(field, url);
            return scheme + url.substring(uri.getScheme().length());
        } catch (URISyntaxException e) {
            error(field, "invalid");
            return null;
        }
    }

    void error(String field, String problem) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, "error." + messageNames.getOrDefault(field, field) + "." + problem));
        }
    }
}
