package org.undersigned.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * French typography: a narrow no-break space (U+202F) before ":", ";", "?", "!" and "»" and after
 * "«", so that the sign never starts a line and sits where a French reader expects it. Times
 * (09:00) and addresses (https://, ?lang=) are not punctuation and are left alone.
 */
class FrenchPunctuationTest {
    private static final char NARROW = '\u202F';
    /** A high sign preceded by anything but the narrow space, and ending a word (followed by a space or the end). */
    private static final Pattern BEFORE = Pattern.compile("(.)([:;?!])(?=\\s|$)|(.)(»)");
    private static final Pattern AFTER = Pattern.compile("(«)(.)");

    @Test
    void every_french_message_has_a_narrow_no_break_space_before_high_punctuation_and_inside_guillemets() throws IOException {
        assertThat(violations(load("i18n/messages_fr.properties"))).isEmpty();
    }

    @Test
    void the_check_finds_a_plain_space_a_missing_space_and_bare_guillemets_but_not_times_or_addresses() {
        Properties wrong = new Properties();
        wrong.setProperty("a", "Erreur : vide");
        wrong.setProperty("b", "Pourquoi?");
        wrong.setProperty("c", "Retour à « {0} »");
        wrong.setProperty("d", "Comme 2026-12-01T09:00, voir https://exemple.org/?lang=fr");
        wrong.setProperty("e", "Erreur\u00A0: vide");
        assertThat(violations(wrong)).containsExactlyInAnyOrder("a", "b", "c", "e");
    }

    /** The keys whose French text breaks the rule. */
    static List<String> violations(Properties messages) {
        List<String> keys = new ArrayList<>();
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            if (breaks(BEFORE.matcher(text), true) || breaks(AFTER.matcher(text), false)) keys.add(key);
        }
        return keys;
    }

    private static boolean breaks(Matcher m, boolean before) {
        while (m.find()) {
            String neighbour = before ? (m.group(1) != null ? m.group(1) : m.group(3)) : m.group(2);
            if (neighbour.charAt(0) != NARROW) return true;
        }
        return false;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FrenchPunctuationTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
