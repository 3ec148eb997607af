package org.undersigned.statement;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.undersigned.db.Database;
import org.undersigned.text.Countries;

/**
 * The public list of a statement: confirmed sign-ons, grouped by country, sorted as the reader's
 * language sorts. Organisations that asked to be counted only are in {@link Listed#countedOnly}, a
 * number: their names are never read for a public page.
 */
final class SignatoryList {
    record CountryGroup(String code, String name, List<Signatory> signatories) {}

    /** Those listed by name, and how many more are counted without it. */
    record Listed(List<Signatory> named, long countedOnly) {
        long count() {
            return named.size() + countedOnly;
        }

        /** The countries of the named ones: a country only a hidden organisation signed from is not told. */
        long countries() {
            return named.stream().map(Signatory::country).distinct().count();
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final Database database;
    private final Countries countries;

    SignatoryList(Database database, Countries countries) {
        this.database = database;
        this.countries = countries;
    }

    Listed all(long petitionId) {
        return database.reads().withExtension(SignatoryDao.class, dao -> new Listed(dao.named(petitionId), dao.countedOnly(petitionId)));
    }

    /**
     * Who initiated the statement, listed first and sorted as the reader's language sorts: those
     * tagged "initiator" where it lists them first, and those who signed through the pre-launch
     * link (confirmed before its opening time; opensAt null: none).
     */
    List<Signatory> initiators(long petitionId, Long opensAt, List<Signatory> named, Locale locale) {
        java.util.Set<Signatory> initiators = new java.util.LinkedHashSet<>(
                database.reads().withExtension(SignatoryDao.class, dao -> dao.initiators(petitionId)));
        if (opensAt != null) named.stream().filter(s -> s.confirmedAt() < opensAt).forEach(initiators::add);
        return initiators.stream().sorted(Comparator.comparing(Signatory::organisation, collator(locale))).toList();
    }

    /** The signatories but those listed first: equal entries look alike in public, so which of them goes makes no difference. */
    static List<Signatory> without(List<Signatory> all, List<Signatory> first) {
        if (first.isEmpty()) return all;
        Map<Signatory, Long> left = first.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        List<Signatory> rest = new java.util.ArrayList<>(all.size());
        for (Signatory s : all) {
            Long n = left.get(s);
            if (n == null) rest.add(s);
            else if (n == 1) left.remove(s);
            else left.put(s, n - 1);
        }
        return rest;
    }

    private static Collator collator(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    /** Whether the statement's page shows its signatories as a wall of logos rather than names. */
    boolean wall(long petitionId) {
        return "logos".equals(database.reads().withExtension(SignatoryDao.class, dao -> dao.listStyle(petitionId)));
    }

    List<CountryGroup> byCountry(List<Signatory> signatories, Locale locale) {
        Collator collator = collator(locale);
        Map<String, List<Signatory>> grouped = signatories.stream()
                .collect(Collectors.groupingBy(Signatory::country, LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new CountryGroup(e.getKey(), countries.name(e.getKey(), locale), e.getValue().stream()
                        .sorted(Comparator.comparing(Signatory::organisation, collator)).toList()))
                .sorted(Comparator.comparing(CountryGroup::name, collator))
                .toList();
    }

    /** Those whose name contains the words searched, case and accents folded ("cafe" finds "Café"). */
    static List<Signatory> matching(List<Signatory> signatories, String query) {
        String folded = fold(query);
        return signatories.stream().filter(s -> fold(s.organisation()).contains(folded)).toList();
    }

    /**
     * Lower case without accents, spaces collapsed; /statement-search.js folds the same way
     * (NFKD, marks removed), so filtering as one types finds what the server's search finds.
     */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    static Map<String, Long> countByCountry(List<Signatory> signatories) {
        return signatories.stream().collect(Collectors.groupingBy(Signatory::country, TreeMap::new, Collectors.counting()));
    }
}
