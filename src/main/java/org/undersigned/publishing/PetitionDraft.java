package org.undersigned.publishing;

/** What a coordinator submitted for a statement or campaign, checked. Times are epoch milliseconds (UTC); lang null keeps the language as it is. */
public record PetitionDraft(String title, String slug, String summary, String body, String status, Long opensAt, Long closesAt,
                     boolean needsApproval, Integer goal, String imageUrl, String consentText, boolean digest, String lang) {}
