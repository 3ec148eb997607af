package org.undersigned.pages;

import java.util.Locale;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionText;
import org.undersigned.petition.Published;
import org.undersigned.signature.SignatureForm;

/** What a kind of petition shows on its public page, embed and JSON beyond what every kind shows. */
public interface KindPage {
    Kind kind();

    /** The sign-on form its signers fill in. */
    SignatureForm form();

    /** Adds what its templates show (the petition under its kind's name, the count, the list) to the model. */
    default void addTo(Map<String, Object> model, PetitionText text, Locale locale, boolean embed) {
        addTo(model, text, locale, embed, null);
    }

    /** The same, its public list narrowed to what matches query (null: the whole list), where it is {@link #searchable}. */
    default void addTo(Map<String, Object> model, PetitionText text, Locale locale, boolean embed, String query) {
        addTo(model, text, locale, embed);
    }

    /** Whether its page takes ?q= to search its public list. */
    default boolean searchable() {
        return false;
    }

    /** Its template: {@code statement/show.peb}, or the embed's. */
    default String template(boolean embed) {
        return kind().code() + (embed ? "/embed.peb" : "/show.peb");
    }

    /** GET /api/v1/{kind}s/{slug}, as the contract spells it. */
    Object json(Published published);
}
