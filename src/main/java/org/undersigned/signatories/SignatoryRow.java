package org.undersigned.signatories;

import java.util.stream.Stream;
import org.undersigned.petition.SignatureState;
import org.undersigned.signature.Listing;
import org.undersigned.text.LookAlikes;

/**
 * A signature as its coordinators see it: everything, contact details included. {@code suspect}
 * says why a held sign-on is held ({@code rate}: over the rate limit; {@code honeypot}: the field
 * only robots fill; {@code disposable}: a throwaway address on a statement); {@code locale} and {@code textLang} are the signer's pages' and text's languages;
 * {@code source} is how it came in ({@code form}, or {@code coordinator} with their {@code sourceNote});
 * {@code listing} whether its name is shown publicly or it is only counted.
 * {@code tags} are the coordinators' tags, by name, separated by ", " (null: none).
 */
public record SignatoryRow(
        long id, String organisation, String displayName, String orgType,
        String website, String contactName, String firstName, String lastName, String email, String comment,
        String country, boolean updates, int petitionVersion, long createdAt, Long confirmedAt, Long withdrawnAt,
        String moderationNote, String suspect, SignatureState state, String locale, String textLang, String source, String sourceNote,
        Listing listing,
        String tags) {

    /** The authenticity hint: the contact's address at the website's domain, or not. */
    public DomainMatch domainMatch() {
        return DomainMatch.of(website, email);
    }

    /** The tags one by one. */
    public java.util.List<String> tagList() {
        return tags == null ? java.util.List.of() : java.util.List.of(tags.split(", "));
    }

    public String shownName() {
        return displayName != null ? displayName : organisation;
    }

    /** Whom a mail greets: the organisation's contact, or the supporter. */
    public String greetingName() {
        return contactName != null ? contactName : firstName;
    }

    /**
     * Why the row is where it is, as the word its message key ends with (signatories.why.WORD): held
     * by the rate limit, the honeypot or a throwaway address, or its state.
     */
    public String why() {
        if (state == SignatureState.SUSPECT) {
            return switch (suspect) {
                case "honeypot" -> "held_honeypot";
                case "disposable" -> "held_disposable";
                default -> "held_rate";
            };
        }
        return state.code();
    }

    /**
     * Whether a name in it mixes scripts inside a word, as a Cyrillic 'а' in a Latin name does
     * (see {@link LookAlikes}): shown to coordinators, who cannot see the difference, before they
     * approve or release it. Judged when shown, so the rule's changes reach every row.
     */
    public boolean lookAlike() {
        return Stream.of(organisation, displayName, contactName, firstName, lastName).anyMatch(LookAlikes::mixScripts);
    }

    /** Whether any of the coordinators' decisions applies to it. */
    public boolean decidable() {
        return java.util.Arrays.stream(Moderation.Decision.values()).anyMatch(d -> d.appliesTo(state));
    }
}
