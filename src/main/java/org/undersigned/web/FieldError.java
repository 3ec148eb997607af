package org.undersigned.web;

/** One problem with a submitted form: the field's name (its id on the page) and a message key. */
public record FieldError(String field, String messageKey) {}
