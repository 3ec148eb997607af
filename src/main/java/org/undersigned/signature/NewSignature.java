package org.undersigned.signature;

/**
 * A checked, normalised signature about to be stored. Organisation sign-ons fill the
 * organisation fields, supporters the name fields; the pipeline is the same. Supporters are
 * never listed by name, and are {@link Listing#NAME} as every signature was before the choice.
 */
public record NewSignature(
        String email, String organisation, String orgType, String website, String contactName,
        String firstName, String lastName, String comment, String country, boolean updates,
        String consentKey, Listing listing) {

    /** How the signer is greeted in mails. */
    public String greetingName() {
        return contactName != null ? contactName : firstName;
    }
}
