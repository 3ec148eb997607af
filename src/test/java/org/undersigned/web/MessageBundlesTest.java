package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.undersigned.text.Countries;
import org.undersigned.text.Messages;
import org.undersigned.text.Templates;

/** One bundle per UI language: each complete, each switched on, and a gap shows English, never a key. */
class MessageBundlesTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern NAME = Pattern.compile("messages_([a-z]{2,3})\\.properties");

    @Test
    void every_language_bundle_has_every_english_key() throws IOException {
        List<Locale> found = bundlesOnDisk();
        assertThat(found).as("bundles found").contains(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));
        Messages messages = new Messages(found);
        Map<String, Set<String>> gaps = new TreeMap<>();
        for (Locale locale : found) {
            Set<String> missing = messages.missingKeys(locale);
            if (!missing.isEmpty()) gaps.put(locale.getLanguage(), missing);
        }
        assertThat(gaps).as("keys present in English but missing in a language bundle").isEmpty();
    }

    @Test
    void every_bundle_on_disk_is_offered_in_the_switcher() throws IOException {
        assertThat(Messages.BUNDLED).containsExactlyInAnyOrderElementsOf(bundlesOnDisk());
    }

    @Test
    void a_key_missing_in_a_language_falls_back_to_english_and_never_shows_the_key() {
        Locale zz = Locale.forLanguageTag("zz");
        Messages messages = new Messages(List.of(Locale.ENGLISH, zz));
        assertThat(messages.missingKeys(zz)).contains("mail.confirm.intro").doesNotContain("mail.hello");

        String mail = new Templates(messages, new Countries()).render("mail/confirm.txt.peb",
                Map.of("name", "Ana", "title", "Open borders", "link", "http://x/confirm/t", "validDays", 30), zz);
        assertThat(mail).contains("ZZ hello Ana", "ZZ confirm")
                .contains("Thank you for signing \"Open borders\"")
                .doesNotContain("mail.confirm.intro", "mail.footer");
    }

    private static List<Locale> bundlesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> NAME.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Locale.forLanguageTag(m.group(1))).sorted(java.util.Comparator.comparing(Locale::getLanguage)).toList();
        }
    }
}
