package org.undersigned.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files Chromium saved to its download folder. */
final class Downloads {
    private Downloads() {}

    /** Waits (up to 15 s) for the download to complete and returns its text. */
    static String awaitFile(Path folder, String name) {
        Path file = folder.resolve(name);
        long deadline = System.currentTimeMillis() + 15_000;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (Files.exists(file) && !Files.exists(folder.resolve(name + ".crdownload"))) {
                    return Files.readString(file, StandardCharsets.UTF_8);
                }
                Thread.sleep(100);
            }
            try (var files = Files.list(folder)) {
                throw new AssertionError("no " + name + " downloaded; the folder holds " + files.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
