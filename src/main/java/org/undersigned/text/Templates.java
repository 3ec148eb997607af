package org.undersigned.text;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pebble over the templates/ folder (packed into the jar), autoescaping on, with the functions
 * templates use for words: t('key', args...), tn('key', count, args...), country('BE'), date(epochMillis), moment(epochMillis).
 */
public final class Templates {
    private final PebbleEngine engine;

    public Templates(Messages messages, Countries countries) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(false) // plain-text mails keep their line breaks after {{ expressions }}
                .extension(new Words(messages, countries))
                .build();
    }

    public String render(String name, Map<String, ?> model, Locale locale) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, new HashMap<>(model), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static final class Words extends AbstractExtension {
        private final Messages messages;
        private final Countries countries;

        Words(Messages messages, Countries countries) {
            this.messages = messages;
            this.countries = countries;
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of(
                    "t", new Positional((args, locale) -> messages.get(locale, str(args.get(0)), rest(args))),
                    "tn", new Positional((args, locale) -> messages.count(locale, str(args.get(0)),
                            ((Number) args.get(1)).longValue(), args.subList(2, args.size()).toArray())),
                    "country", new Positional((args, locale) -> countries.name(str(args.get(0)), locale)),
                    "date", new Positional((args, locale) -> java.time.format.DateTimeFormatter
                            .ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(locale)
                            .format(java.time.Instant.ofEpochMilli(((Number) args.get(0)).longValue()).atZone(java.time.ZoneOffset.UTC))),
                    // a day and its minute, for times people plan around (a petition's opening)
                    "moment", new Positional((args, locale) -> java.time.format.DateTimeFormatter
                            .ofLocalizedDateTime(java.time.format.FormatStyle.LONG, java.time.format.FormatStyle.SHORT).withLocale(locale)
                            .format(java.time.Instant.ofEpochMilli(((Number) args.get(0)).longValue()).atZone(java.time.ZoneOffset.UTC)) + " UTC"),
                    "datetime", new Positional((args, locale) -> java.time.format.DateTimeFormatter
                            .ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM).withLocale(locale)
                            .format(java.time.Instant.ofEpochMilli(((Number) args.get(0)).longValue()).atZone(java.time.ZoneOffset.UTC)) + " UTC"));
        }

        /** The message's arguments; one list stands for its items (a form error's arguments: t(e.messageKey, e.args)). */
        private static Object[] rest(List<Object> args) {
            if (args.size() == 2 && args.get(1) instanceof List<?> list) return list.toArray();
            return args.subList(1, args.size()).toArray();
        }

        private static String str(Object o) {
            return o == null ? "" : o.toString();
        }
    }

    /** A function called with positional arguments only. */
    private record Positional(java.util.function.BiFunction<List<Object>, Locale, Object> body) implements Function {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            List<Object> positional = new java.util.ArrayList<>();
            for (int i = 0; args.containsKey(String.valueOf(i)); i++) positional.add(args.get(String.valueOf(i)));
            return body.apply(positional, context.getLocale());
        }
    }
}
