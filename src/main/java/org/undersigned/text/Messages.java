package org.undersigned.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The UI's words, one bundle per language ({@code i18n/messages_xx.properties}). A key missing
 * in a language falls back to English; {@link #missingKeys} lets a test report the gap.
 * Placeholders are {0}, {1}... replaced literally (no MessageFormat, so apostrophes are plain).
 */
public final class Messages {
    public static final Locale FALLBACK = Locale.ENGLISH;
    /** The UI languages, each with its bundle; adding a language is a bundle plus a line here. */
    public static final List<Locale> BUNDLED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));
    private final Map<String, Properties> bundles = new LinkedHashMap<>();

    public Messages(List<Locale> locales) {
        for (Locale locale : locales) {
            bundles.put(locale.getLanguage(), load("i18n/messages_" + locale.getLanguage() + ".properties"));
        }
        if (!bundles.containsKey(FALLBACK.getLanguage())) throw new IllegalArgumentException("English bundle required");
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing message bundle " + resource);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public List<Locale> locales() {
        return bundles.keySet().stream().map(Locale::forLanguageTag).toList();
    }

    public String get(Locale locale, String key, Object... args) {
        String text = bundle(locale).getProperty(key);
        if (text == null) text = bundles.get(FALLBACK.getLanguage()).getProperty(key);
        if (text == null) return key;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A count with its noun: key.one or key.other, chosen by the language's rule. */
    public String count(Locale locale, String key, long n, Object... more) {
        boolean one = "fr".equals(locale.getLanguage()) ? n <= 1 : n == 1;
        Object[] args = new Object[more.length + 1];
        args[0] = java.text.NumberFormat.getIntegerInstance(locale).format(n);
        System.arraycopy(more, 0, args, 1, more.length);
        return get(locale, key + (one ? ".one" : ".other"), args);
    }

    /** Whether the interface speaks this language (has its bundle). */
    public boolean speaks(String language) {
        return bundles.containsKey(language);
    }

    public boolean has(Locale locale, String key) {
        return bundle(locale).containsKey(key);
    }

    public Set<String> missingKeys(Locale locale) {
        Set<String> missing = new TreeSet<>(bundles.get(FALLBACK.getLanguage()).stringPropertyNames());
        missing.removeAll(bundle(locale).stringPropertyNames());
        return missing;
    }

    private Properties bundle(Locale locale) {
        return bundles.getOrDefault(locale.getLanguage(), bundles.get(FALLBACK.getLanguage()));
    }
}
