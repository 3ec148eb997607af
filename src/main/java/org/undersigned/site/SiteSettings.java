package org.undersigned.site;

/**
 * Whose site it is, as every page's layout and every mail shows it: the organisation's name, its
 * privacy policy and legal notice (null: no link), its accent colour ({@code #rrggbb}, null: the
 * stylesheet's own) and its logo (null: none). Compared by value, so that a page cached with one
 * set of settings is not served with another.
 */
public record SiteSettings(String name, String privacyUrl, String legalUrl, String accentColor, Logo logo) {
    /**
     * The logo as the header shows it: its address changes with its content (so that it may be
     * cached for a year), and its size in CSS pixels (the stored image has twice as many, for
     * sharp screens).
     */
    public record Logo(String hash, int width, int height) {
        public String path() {
            return "/site/logo/" + hash + ".png";
        }
    }

    /** The stylesheet that sets the accent colour, named after it so that it may be cached for a year; null when none is set. */
    public String accentStylesheet() {
        return accentColor == null ? null : "/site/accent-" + accentColor.substring(1) + ".css";
    }
}
