package org.undersigned.publishing;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL names: "Régularisation now!" becomes "regularisation-now". */
final class Slugs {
    static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    static final int MAX_LENGTH = 80;

    private Slugs() {}

    static String from(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        return slug;
    }
}
