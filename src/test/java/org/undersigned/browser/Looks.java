package org.undersigned.browser;

import java.awt.image.BufferedImage;
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
 * {@link VisualDiff#stored the stored form}. A page that differs leaves its picture and a diff under
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
                write(actual, reference);
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

    private static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) return image;
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        return grey;
    }
}
