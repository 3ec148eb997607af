package org.undersigned.signature;

/** A stored signature, as the signer's own page and the confirmation steps see it. textLang: the language of the text signed. */
public record Signature(
        long id, long petitionId, String status, String email, String organisation, String orgType,
        String website, String contactName, String firstName, String lastName, String comment,
        String country, String locale, boolean updates, int mailsSent, long createdAt,
        Long confirmedAt, Long withdrawnAt, String textLang) {

    public boolean isPending() {
        return "pending".equals(status);
    }

    public boolean isConfirmed() {
        return "confirmed".equals(status);
    }

    public boolean isWithdrawn() {
        return "withdrawn".equals(status);
    }

    /** As it is once confirmed at this moment. */
    public Signature confirmedAt(long now) {
        return new Signature(id, petitionId, "confirmed", email, organisation, orgType, website, contactName, firstName, lastName,
                comment, country, locale, updates, mailsSent, createdAt, now, withdrawnAt, textLang);
    }

    public String greetingName() {
        return contactName != null ? contactName : firstName;
    }
}
