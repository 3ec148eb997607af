package org.undersigned.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Compares a screenshot with its committed reference as a reviewer glancing at both would: a missing
 * block, a broken layout or a page that grew fails; anti-aliasing, font hinting and a text a pixel
 * or two further along do not.
 *
 * <p>References are kept in grey at half the CSS size ({@link #stored}), small enough to commit by the
 * dozen and still readable. Both pictures are then halved again (a point is 4 by 4 CSS pixels, where
 * glyph shapes blur into grey bands). A point differs when its grey lies more than {@link #TOLERANCE}
 * grey levels outside the range of the other picture's points within one point (4 CSS pixels) of it,
 * either way round: moved by up to a point, a picture's greys are blends of its neighbours'. The pictures differ when a square of 8 by 8 points (32 CSS
 * pixels) has more than a quarter of its points differing (a box, a button, a line of text), when more
 * than 1 % of all points differ (changes spread thin), or when their sizes differ by more than a line.
 */
public final class VisualDiff {
    /** CSS pixels per point of a stored reference. */
    public static final int STORED_SCALE = 2;
    /** Stored points per compared point. */
    static final int COMPARED_SCALE = 2;
    static final int TOLERANCE = 40;
    static final int SQUARE = 8;
    static final int MOST_IN_SQUARE = SQUARE * SQUARE / 4;
    static final double MOST_SHARE = 0.01;
    /** How much taller or shorter (CSS pixels) a page may be: a rounding, never a line of text. */
    static final int HEIGHT_SLACK = 8;

    private VisualDiff() {}

    /** The verdict: {@code problem} is null when the pictures are alike; {@code diff} shows where they differ. */
    public record Verdict(String problem, BufferedImage diff) {
        public boolean alike() {
            return problem == null;
        }
    }

    /** A screenshot (1 pixel per CSS pixel) in the form references are kept: grey, half size. */
    public static BufferedImage stored(BufferedImage screenshot) {
        return shrink(grey(screenshot), STORED_SCALE);
    }

    /** Compares two pictures in their {@link #stored} form. */
    public static Verdict compare(BufferedImage reference, BufferedImage actual) {
        int css = STORED_SCALE;
        if (reference.getWidth() != actual.getWidth()) {
            return new Verdict("is " + actual.getWidth() * css + " px wide, the reference " + reference.getWidth() * css
                    + " px (something sticks out sideways?)", mark(actual, new boolean[0][0], 0));
        }
        BufferedImage a = shrink(reference, COMPARED_SCALE);
        BufferedImage b = shrink(actual, COMPARED_SCALE);
        int width = a.getWidth();
        int height = Math.min(a.getHeight(), b.getHeight());
        Raster ra = a.getRaster();
        Raster rb = b.getRaster();
        boolean[][] differs = new boolean[height][width];
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (outside(ra, x, y, rb, height) > TOLERANCE || outside(rb, x, y, ra, height) > TOLERANCE) {
                    differs[y][x] = true;
                    differing++;
                }
            }
        }
        int scale = css * COMPARED_SCALE;
        int squares = 0;
        String first = null;
        for (int top = 0; top < height; top += SQUARE) {
            for (int left = 0; left < width; left += SQUARE) {
                int count = 0;
                for (int y = top; y < Math.min(top + SQUARE, height); y++) {
                    for (int x = left; x < Math.min(left + SQUARE, width); x++) {
                        if (differs[y][x]) count++;
                    }
                }
                if (count > MOST_IN_SQUARE) {
                    squares++;
                    if (first == null) first = "the first at x " + left * scale + ", y " + top * scale + " CSS px";
                }
            }
        }
        double share = width * height == 0 ? 0 : (double) differing / (width * height);
        int heightDifference = Math.abs(actual.getHeight() - reference.getHeight()) * css;
        BufferedImage diff = mark(actual, differs, COMPARED_SCALE);
        if (heightDifference > HEIGHT_SLACK) {
            return new Verdict("is " + actual.getHeight() * css + " px high, the reference " + reference.getHeight() * css + " px"
                    + (squares > 0 ? "; " + squares + " squares of 32 px differ, " + first : ""), diff);
        }
        if (squares > 0 || share > MOST_SHARE) {
            return new Verdict(squares + " squares of 32 px differ" + (first == null ? "" : ", " + first)
                    + String.format(java.util.Locale.ROOT, "; %.2f %% of the page differs", share * 100), diff);
        }
        return new Verdict(null, diff);
    }

    /**
     * How far the point at (x, y) of one picture lies outside the range of grey of the points within one
     * point of it in the other: a shift by part of a point blends neighbours, so its grey lies between theirs.
     */
    private static int outside(Raster from, int x, int y, Raster in, int height) {
        int value = from.getSample(x, y, 0);
        int low = 255, high = 0;
        for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= height) continue;
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                if (xx < 0 || xx >= in.getWidth()) continue;
                int v = in.getSample(xx, yy, 0);
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return Math.max(0, Math.max(low - value, value - high));
    }

    private static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int alpha = rgb >>> 24;
                // transparent parts of a screenshot show the page's white
                int r = blend((rgb >> 16) & 0xff, alpha), g = blend((rgb >> 8) & 0xff, alpha), b = blend(rgb & 0xff, alpha);
                out.setSample(x, y, 0, (299 * r + 587 * g + 114 * b + 500) / 1000);
            }
        }
        return grey;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    /** Each square of factor by factor points becomes one, their average (a last partial row or column is dropped). */
    private static BufferedImage shrink(BufferedImage grey, int factor) {
        int width = Math.max(1, grey.getWidth() / factor);
        int height = Math.max(1, grey.getHeight() / factor);
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Raster in = grey.getRaster();
        WritableRaster out = small.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sum = 0, n = 0;
                for (int dy = 0; dy < factor && y * factor + dy < grey.getHeight(); dy++) {
                    for (int dx = 0; dx < factor && x * factor + dx < grey.getWidth(); dx++) {
                        sum += in.getSample(x * factor + dx, y * factor + dy, 0);
                        n++;
                    }
                }
                out.setSample(x, y, 0, (sum + n / 2) / n);
            }
        }
        return small;
    }

    /** The actual picture, faded, with its differing points in red (each covering scale by scale stored points). */
    private static BufferedImage mark(BufferedImage actual, boolean[][] differs, int scale) {
        BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
        Raster in = actual.getRaster();
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int v = 160 + in.getSample(x, y, 0) * 95 / 255;
                diff.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        Graphics2D g = diff.createGraphics();
        g.setColor(new Color(220, 0, 0));
        for (int y = 0; y < differs.length; y++) {
            for (int x = 0; x < differs[y].length; x++) {
                if (differs[y][x]) g.fillRect(x * scale, y * scale, scale, scale);
            }
        }
        g.dispose();
        return diff;
    }
}
