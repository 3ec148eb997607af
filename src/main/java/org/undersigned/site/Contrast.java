package org.undersigned.site;

/** WCAG 2 contrast between two sRGB colours ({@code 0xRRGGBB}). */
final class Contrast {
    /** WCAG AA for normal text. */
    static final double AA = 4.5;

    private Contrast() {}

    static double ratio(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The colour mixed with black: {@code share} of black (0 to 1). */
    static int darker(int rgb, double share) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - share));
        int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - share));
        int b = (int) Math.round((rgb & 0xff) * (1 - share));
        return (r << 16) | (g << 8) | b;
    }
}
