package org.undersigned.web;

import java.util.List;

/** One problem with a submitted form: the field's name (its id on the page), a message key and the message's arguments. */
public record FieldError(String field, String messageKey, List<Object> args) {
    public FieldError {
        args = List.copyOf(args);
    }

    public FieldError(String field, String messageKey) {
        this(field, messageKey, List.of());
    }
}
