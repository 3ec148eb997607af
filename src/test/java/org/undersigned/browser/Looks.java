package org.undersigned.browser;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.undersigned.support.VisualDiff;

/**
 * Each page's look against its reference, committed as src/test/resources/visual/NAME.png in
 * {@link VisualDiff#stored the stored form} (4 bits a point). A page that differs leaves its picture and a diff under
 * target/visual/, named in the problem. With {@code -Dvisual.update=true} the pictures become the
 * references instead (and references of pages no longer taken are deleted).
 */
final class Looks {
    static final Path REFERENCES = Path.of("src", "test", "resources", "visual");
    static final Path FAILURES = Path.of("target", "visual");
    static final String HOW_TO_UPDATE = "if the change is intended, take new references with "
            + "BROWSER_TESTS=required mvn -o verify -Dit.test=VisualTest -Dvisual.update=true "
            + "-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false";
    private final boolean update = Boolean.getBoolean("visual.update");
    private final List<String> problems = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();

    boolean updating() {
        return update;
    }

    /** Compares the screenshot (1 pixel per CSS pixel) with the reference of that name, or stores it as the reference. */
    void check(String name, BufferedImage screenshot) {
        if (!taken.add(name)) throw new IllegalArgumentException("two pictures named " + name);
        BufferedImage actual = VisualDiff.stored(screenshot);
        Path reference = REFERENCES.resolve(name + ".png");
        try {
            if (update) {
                writeReference(actual, reference);
                return;
            }
            Path actualFile = FAILURES.resolve(name + ".png");
            if (!Files.exists(reference)) {
                write(actual, actualFile);
                problems.add(name + ": no reference " + reference + " (the page as it is now: " + actualFile + ")");
                return;
            }
            VisualDiff.Verdict verdict = VisualDiff.compare(grey(ImageIO.read(reference.toFile())), actual);
            if (!verdict.alike()) {
                Path diffFile = FAILURES.resolve(name + "-diff.png");
                write(actual, actualFile);
                write(verdict.diff(), diffFile);
                problems.add(name + ": " + verdict.problem() + " (the page: " + actualFile + ", the difference in red: " + diffFile + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int taken() {
        return taken.size();
    }

    /** What differs, one line each (empty when every page looks as its reference). */
    List<String> problems() {
        return problems;
    }

    /** When updating, deletes the references of pages this run did not take. */
    void finish() throws IOException {
        if (!update) return;
        try (Stream<Path> files = Files.list(REFERENCES)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.png$", "");
                if (!taken.contains(name)) Files.delete(file);
            }
        }
    }

    static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer for " + file);
    }

    /** Writes a picture in the stored form as a PNG of 4 bits a point, a palette of its 16 greys. */
    private static void writeReference(BufferedImage stored, Path file) throws IOException {
        byte[] greys = new byte[VisualDiff.GREYS];
        int step = 255 / (VisualDiff.GREYS - 1);
        for (int i = 0; i < greys.length; i++) greys[i] = (byte) (i * step);
        BufferedImage packed = new BufferedImage(stored.getWidth(), stored.getHeight(), BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(4, greys.length, greys, greys, greys));
        int[] values = stored.getRaster().getSamples(0, 0, stored.getWidth(), stored.getHeight(), 0, (int[]) null);
        for (int i = 0; i < values.length; i++) values[i] /= step;
        packed.getRaster().setSamples(0, 0, stored.getWidth(), stored.getHeight(), 0, values);
        write(packed, file);
    }

    /** A reference as read: its grey (each palette entry has red = green = blue), without a colour space's conversion. */
    private static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) return image;
        int width = image.getWidth(), height = image.getHeight();
        int[] values = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < values.length; i++) values[i] &= 0xff;
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, width, height, 0, values);
        return grey;
    }
}
