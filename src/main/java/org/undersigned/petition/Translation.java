package org.undersigned.petition;

/**
 * A petition's text in one more language. Without its own consent wording, the form shows the
 * standard one; without its own initiatedBy or addressedTo, the original's.
 */
public record Translation(long petitionId, String lang, String title, String summary, String body, String consentText,
                          long updatedAt, String initiatedBy, String addressedTo) {

    /** The constructor JDBI maps rows with. */
    @org.jdbi.v3.core.mapper.reflect.JdbiConstructor
    public Translation {
    }

    /** Without a byline of its own. */
    public Translation(long petitionId, String lang, String title, String summary, String body, String consentText, long updatedAt) {
        this(petitionId, lang, title, summary, body, consentText, updatedAt, null, null);
    }
}
