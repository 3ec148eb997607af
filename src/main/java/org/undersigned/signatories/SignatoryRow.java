package org.undersigned.signatories;

/** A signature as its coordinators see it: everything, contact details included. */
public record SignatoryRow(
        long id, String status, String moderation, String organisation, String displayName, String orgType,
        String website, String contactName, String firstName, String lastName, String email, String comment,
        String country, boolean updates, int petitionVersion, long createdAt, Long confirmedAt, Long withdrawnAt,
        String moderationNote, String suspect) {

    /** One word for the list: suspect, pending, awaiting (approval), confirmed, rejected, withdrawn. */
    public String state() {
        if (suspect != null) return "suspect";
        if ("confirmed".equals(status) && ("awaiting".equals(moderation) || "rejected".equals(moderation))) return moderation;
        return status;
    }

    public String shownName() {
        return displayName != null ? displayName : organisation;
    }
}
