package org.undersigned.statement;

/** An organisation on a statement's public list: nothing about the person who signed for it. */
public record Signatory(String organisation, String country, String orgType, String website, long confirmedAt) {}
