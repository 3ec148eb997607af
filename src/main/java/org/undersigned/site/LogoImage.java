package org.undersigned.site;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An uploaded logo made safe to serve: recognised by its first bytes (PNG, JPEG or WebP; SVG is
 * refused, as it may carry script), its size read from its header and capped before any pixel is
 * decoded, decoded by the reader of the format its bytes claim, and drawn again into a new PNG
 * of header size. The upload's own bytes are never served, so whatever rides along in them (HTML
 * after the image, metadata) is dropped.
 */
public final class LogoImage {
    /** Uploads larger than this are refused: a header logo needs far less. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Images with more pixels are refused before decoding (a 20-megapixel image would take 80 MB once decoded). */
    static final long MAX_PIXELS = 20_000_000;
    /** The box a stored logo fits in, in image pixels: twice the CSS pixels a page gives it, for sharp screens. */
    public record Box(int maxWidth, int maxHeight) {}

    /** The site's logo: the header gives it 240 × 48 CSS pixels. */
    static final Box HEADER = new Box(480, 96);
    /** An organisation's logo on a statement's logo wall, which gives each a 160-pixel square. */
    public static final Box WALL = new Box(320, 320);

    /** A logo ready to store: the PNG drawn again, its size, and a hash of its content that names it in its address. */
    public record Prepared(byte[] png, int width, int height, String hash) {}

    /** Why an upload is refused: a message key and its arguments. */
    public static final class Refused extends Exception {
        public final String messageKey;
        public final transient Object[] args;

        Refused(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private enum Format {
        PNG("png"), JPEG("jpeg"), WEBP("webp");

        final String name;

        Format(String name) {
            this.name = name;
        }
    }

    private LogoImage() {}

    /** The upload checked, drawn again to fit the box, as a PNG with its hash. */
    public static Prepared prepare(byte[] upload, Box box) throws Refused {
        BufferedImage image = decode(upload, box);
        byte[] png = png(image);
        return new Prepared(png, image.getWidth(), image.getHeight(), hash(png));
    }

    /** The first 16 hex digits of the SHA-256 of these bytes: what a content-named address holds. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The logo as an image of at most the box's size. */
    static BufferedImage decode(byte[] upload, Box box) throws Refused {
        if (upload.length > MAX_BYTES) throw new Refused("settings.logo.too_large", MAX_BYTES / (1024 * 1024));
        Format format = sniff(upload);
        ImageReader reader = reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) throw new Refused("settings.logo.unreadable");
            if ((long) width * height > MAX_PIXELS) {
                throw new Refused("settings.logo.too_many_pixels", width, height, String.format(Locale.ROOT, "%.1f", width * (double) height / 1e6),
                        MAX_PIXELS / 1_000_000);
            }
            double scale = Math.min(1.0, Math.min((double) box.maxWidth() / width, (double) box.maxHeight() / height));
            int outWidth = Math.max(1, (int) Math.round(width * scale));
            int outHeight = Math.max(1, (int) Math.round(height * scale));
            // every n-th pixel only, still at least twice the final size: a large photo never sits whole in memory
            int step = (int) Math.max(1, Math.floor(Math.min((double) width / (2 * outWidth), (double) height / (2 * outHeight))));
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage decoded = reader.read(0, param);
            return resize(decoded, outWidth, outHeight);
        } catch (IOException | RuntimeException e) {
            throw new Refused("settings.logo.unreadable");
        } finally {
            reader.dispose();
        }
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Format sniff(byte[] b) throws Refused {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) return Format.PNG;
        if (startsWith(b, 0, 0xff, 0xd8, 0xff)) return Format.JPEG;
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) return Format.WEBP;
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) throw new Refused("settings.logo.svg");
        throw new Refused("settings.logo.not_an_image");
    }

    private static boolean startsWith(byte[] b, int from, int... expected) {
        if (b.length < from + expected.length) return false;
        for (int i = 0; i < expected.length; i++) if ((b[from + i] & 0xff) != expected[i]) return false;
        return true;
    }

    private static ImageReader reader(Format format) throws Refused {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name);
        if (!readers.hasNext()) throw new Refused("settings.logo.not_an_image");
        return readers.next();
    }

    /** Halves while more than twice too large, then one bicubic step: smoother than one big step. */
    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
