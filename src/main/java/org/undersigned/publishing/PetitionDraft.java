package org.undersigned.publishing;

import org.undersigned.petition.PetitionStatus;

/**
 * What a coordinator submitted for a statement or campaign, checked. Times are epoch milliseconds (UTC); lang null keeps the language
 * as it is; replyTo is the coordinators' contact (null: none); initiatedBy and addressedTo are shown near the title (null: not said);
 * listStyle how the public page shows signatories ({@code names} or {@code logos}, a wall of logos with names).
 */
public record PetitionDraft(String title, String slug, String summary, String body, PetitionStatus status, Long opensAt, Long closesAt,
                     boolean needsApproval, Integer goal, String imageUrl, String consentText, boolean digest, String lang,
                            String replyTo, String initiatedBy, String addressedTo, String listStyle) {
    /** The status as the database stores it. */
    public String statusCode() {
        return status.code();
    }
}
