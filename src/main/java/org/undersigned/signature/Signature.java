package org.undersigned.signature;

/** A stored signature, as the signer's own page and the confirmation steps see it. textLang: the language of the text signed. */
public record Signature(
        long id, long petitionId, Status status, String email, String organisation, String orgType,
        String website, String contactName, String firstName, String lastName, String comment,
        String country, String locale, boolean updates, int mailsSent, long createdAt,
        Long confirmedAt, Long withdrawnAt, String textLang) {

    /**
     * Where the signer's own steps stand (the signatures.status column). Whether it is listed also
     * depends on moderation and the rate limits: see {@link org.undersigned.petition.SignatureState}.
     */
    public enum Status { PENDING, CONFIRMED, WITHDRAWN }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public boolean isWithdrawn() {
        return status == Status.WITHDRAWN;
    }

    /** As it is once confirmed at this moment. */
    public Signature confirmedAt(long now) {
        return new Signature(id, petitionId, Status.CONFIRMED, email, organisation, orgType, website, contactName, firstName, lastName,
                comment, country, locale, updates, mailsSent, createdAt, now, withdrawnAt, textLang);
    }

    public String greetingName() {
        return contactName != null ? contactName : firstName;
    }
}
