package org.undersigned.statement;

/**
 * An organisation on a statement's public list: nothing about the person who signed for it. logo:
 * the hash of its logo for the logo wall (null: none), stored at logoWidth × logoHeight pixels.
 */
public record Signatory(String organisation, String country, String orgType, String website, long confirmedAt,
                        String logo, Integer logoWidth, Integer logoHeight) {

    /** The logo's address: named after its content, so that browsers keep it for a year. */
    public String logoPath() {
        return logo == null ? null : LogoRoutes.path(logo);
    }

    /** The logo's size in CSS pixels: stored at twice the size it is shown at, for sharp screens. */
    public int logoCssWidth() {
        return logoWidth == null ? 0 : (logoWidth + 1) / 2;
    }

    public int logoCssHeight() {
        return logoHeight == null ? 0 : (logoHeight + 1) / 2;
    }

    /** What the wall shows in place of a logo: the first letters of the name's first two words ("Red Kite Collective": RK). */
    public String initials() {
        StringBuilder initials = new StringBuilder();
        for (String word : organisation.trim().split("[\\s\\-–/]+")) {
            if (word.isEmpty() || !Character.isLetterOrDigit(word.codePointAt(0))) continue;
            initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            if (initials.codePointCount(0, initials.length()) == 2) break;
        }
        return initials.toString();
    }
}
