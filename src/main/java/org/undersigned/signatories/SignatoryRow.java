package org.undersigned.signatories;

import org.undersigned.petition.SignatureState;

/** A signature as its coordinators see it: everything, contact details included. */
public record SignatoryRow(
        long id, String organisation, String displayName, String orgType,
        String website, String contactName, String firstName, String lastName, String email, String comment,
        String country, boolean updates, int petitionVersion, long createdAt, Long confirmedAt, Long withdrawnAt,
        String moderationNote, String suspect, SignatureState state) {

    public String shownName() {
        return displayName != null ? displayName : organisation;
    }
}
