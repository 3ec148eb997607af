package org.undersigned.statement;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.undersigned.db.Database;
import org.undersigned.text.Countries;

/** The public list of a statement: confirmed sign-ons, grouped by country, sorted as the reader's language sorts. */
final class SignatoryList {
    record CountryGroup(String code, String name, List<Signatory> signatories) {}

    private final Database database;
    private final Countries countries;

    SignatoryList(Database database, Countries countries) {
        this.database = database;
        this.countries = countries;
    }

    List<Signatory> all(long petitionId) {
        return database.reads().withExtension(SignatoryDao.class, dao -> dao.confirmed(petitionId));
    }

    /** Whether the statement's page shows its signatories as a wall of logos rather than names. */
    boolean wall(long petitionId) {
        return "logos".equals(database.reads().withExtension(SignatoryDao.class, dao -> dao.listStyle(petitionId)));
    }

    List<CountryGroup> byCountry(List<Signatory> signatories, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        Map<String, List<Signatory>> grouped = signatories.stream()
                .collect(Collectors.groupingBy(Signatory::country, LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new CountryGroup(e.getKey(), countries.name(e.getKey(), locale), e.getValue().stream()
                        .sorted(Comparator.comparing(Signatory::organisation, collator)).toList()))
                .sorted(Comparator.comparing(CountryGroup::name, collator))
                .toList();
    }

    static Map<String, Long> countByCountry(List<Signatory> signatories) {
        return signatories.stream().collect(Collectors.groupingBy(Signatory::country, TreeMap::new, Collectors.counting()));
    }
}
