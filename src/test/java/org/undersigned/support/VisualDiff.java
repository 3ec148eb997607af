package org.undersigned.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Compares a screenshot with its committed reference as a reviewer glancing at both would: a missing
 * block, a broken layout or a page that grew fails; anti-aliasing, font hinting and a text a pixel
 * or two further along do not.
 *
 * <p>References are kept in 16 greys at half the CSS size ({@link #stored}), small enough to commit by
 * the dozen and still readable. Both pictures are then halved again (a point is 4 by 4 CSS pixels, where
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

    /** Grey levels of a stored picture: 0, 17, 34 ... 255 (a sixteenth of the tolerance apart). */
    public static final int GREYS = 16;

    /**
     * A screenshot (1 pixel per CSS pixel) in the form references are kept: half size, in {@link #GREYS}
     * greys (a third smaller files than 256, and far finer than the {@link #TOLERANCE}).
     */
    public static BufferedImage stored(BufferedImage screenshot) {
        BufferedImage small = shrink(grey(screenshot), STORED_SCALE);
        int[] values = samples(small);
        int step = 255 / (GREYS - 1);
        for (int i = 0; i < values.length; i++) values[i] = (values[i] + step / 2) / step * step;
        small.getRaster().setSamples(0, 0, small.getWidth(), small.getHeight(), 0, values);
        return small;
    }

    /** Compares two pictures in their {@link #stored} form. */
    public static Verdict compare(BufferedImage reference, BufferedImage actual) {
        int css = STORED_SCALE;
        if (reference.getWidth() != actual.getWidth()) {
            return new Verdict("is " + actual.getWidth() * css + " px wide, the reference " + reference.getWidth() * css
                    + " px (something sticks out sideways?)", mark(actual, new boolean[0][0], 0));
        }
        BufferedImage small = shrink(reference, COMPARED_SCALE);
        int[] a = samples(small);
        int[] b = samples(shrink(actual, COMPARED_SCALE));
        int width = small.getWidth();
        int height = Math.min(a.length, b.length) / width;
        boolean[][] differs = new boolean[height][width];
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (outside(a, x, y, b, width, height) > TOLERANCE || outside(b, x, y, a, width, height) > TOLERANCE) {
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
    private static int outside(int[] from, int x, int y, int[] in, int width, int height) {
        int value = from[y * width + x];
        int low = 255, high = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
                int v = in[yy * width + xx];
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return Math.max(0, Math.max(low - value, value - high));
    }

    private static int[] samples(BufferedImage grey) {
        return grey.getRaster().getSamples(0, 0, grey.getWidth(), grey.getHeight(), 0, (int[]) null);
    }

    private static BufferedImage grey(BufferedImage image) {
        int width = image.getWidth(), height = image.getHeight();
        int[] values = new int[width * height];
        int type = image.getType();
        if ((type == BufferedImage.TYPE_4BYTE_ABGR || type == BufferedImage.TYPE_3BYTE_BGR)
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && buffer.getData().length == width * height * (type == BufferedImage.TYPE_4BYTE_ABGR ? 4 : 3)) {
            // what ImageIO reads from Chromium's PNGs: the bytes at once, a tenth of the time of getRGB
            byte[] data = buffer.getData();
            int step = type == BufferedImage.TYPE_4BYTE_ABGR ? 4 : 3;
            for (int i = 0, p = 0; i < values.length; i++, p += step) {
                int alpha = step == 4 ? data[p] & 0xff : 255;
                int o = step == 4 ? p + 1 : p;
                values[i] = luma(data[o + 2] & 0xff, data[o + 1] & 0xff, data[o] & 0xff, alpha);
            }
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    values[y * width + x] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, rgb >>> 24);
                }
            }
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, width, height, 0, values);
        return grey;
    }

    /** The grey of a colour over the page's white (transparent parts of a screenshot show it). */
    private static int luma(int r, int g, int b, int alpha) {
        return (299 * blend(r, alpha) + 587 * blend(g, alpha) + 114 * blend(b, alpha) + 500) / 1000;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    /** Each square of factor by factor points becomes one, their average (a last partial row or column is dropped). */
    private static BufferedImage shrink(BufferedImage grey, int factor) {
        int inWidth = grey.getWidth();
        int width = Math.max(1, inWidth / factor);
        int height = Math.max(1, grey.getHeight() / factor);
        int[] in = samples(grey);
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sum = 0, n = 0;
                for (int dy = 0; dy < factor && y * factor + dy < grey.getHeight(); dy++) {
                    for (int dx = 0; dx < factor && x * factor + dx < inWidth; dx++) {
                        sum += in[(y * factor + dy) * inWidth + x * factor + dx];
                        n++;
                    }
                }
                out[y * width + x] = (sum + n / 2) / n;
            }
        }
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        small.getRaster().setSamples(0, 0, width, height, 0, out);
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
