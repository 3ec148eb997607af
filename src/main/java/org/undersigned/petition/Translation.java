package org.undersigned.petition;

/** A petition's text in one more language. Without its own consent wording, the form shows the standard one. */
public record Translation(long petitionId, String lang, String title, String summary, String body, String consentText,
                          long updatedAt) {}
