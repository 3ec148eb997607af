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

    public String greetingName() {
        return contactName != null ? contactName : firstName;
    }
}
