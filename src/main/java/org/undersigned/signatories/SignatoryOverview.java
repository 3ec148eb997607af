package org.undersigned.signatories;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Question;
import org.undersigned.petition.Questions;
import org.undersigned.petition.StateCounts;

/** What the coordinators' page of a petition reads: a page of the filtered list, the counts, the figures. */
public final class SignatoryOverview {
    private final Database database;

    /** One page of the list as filtered, with how many match in all, and the petition's counts per state. */
    record ListPage(List<SignatoryRow> rows, long total, long pages, StateCounts counts, List<String> countries) {}

    /** The figures beside the list: sign-ups per day and listed signatures by country and by type. */
    record Figures(List<Numbers.Day> perDay, List<Numbers.Group> byCountry, List<Numbers.Group> byType) {}

    public SignatoryOverview(Database database) {
        this.database = database;
    }

    ListPage page(Petition petition, Filter filter) {
        return database.reads().withExtension(SignatoryQueries.class, q -> {
            if (filter.domain() != null) return byDomain(q, petition, filter);
            long total = q.count(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.tag(), filter.query(), filter.like());
            List<SignatoryRow> rows = q.page(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.tag(), filter.query(),
                    filter.like(), filter.sort().sql, Filter.PAGE_SIZE, filter.offset());
            return new ListPage(rows, total, (total + Filter.PAGE_SIZE - 1) / Filter.PAGE_SIZE, StateCounts.of(q.counts(petition.id())),
                    q.countries(petition.id()));
        });
    }

    /** The hint is no SQL, so the rows that pass the rest of the filter are read and kept in Java, then paged. */
    private static ListPage byDomain(SignatoryQueries q, Petition petition, Filter filter) {
        List<SignatoryRow> kept;
        try (var all = q.all(petition.id(), filter.stateCode(), filter.country(), filter.orgType(), filter.tag(), filter.query(), filter.like(),
                filter.sort().sql)) {
            kept = all.filter(filter::admits).toList();
        }
        long total = kept.size();
        List<SignatoryRow> rows = kept.subList(Math.min(kept.size(), filter.offset()), Math.min(kept.size(), filter.offset() + Filter.PAGE_SIZE));
        return new ListPage(rows, total, (total + Filter.PAGE_SIZE - 1) / Filter.PAGE_SIZE, StateCounts.of(q.counts(petition.id())),
                q.countries(petition.id()));
    }

    /** Figures from the start of {@code firstDay} (days since the epoch, UTC) on. */
    Figures figures(Petition petition, long firstDay) {
        return database.reads().withExtension(Numbers.class, n -> new Figures(
                n.perDay(petition.id(), firstDay * Numbers.DAY_MILLIS), n.byCountry(petition.id()), n.byType(petition.id())));
    }

    /** One signature's answers to the petition's questions, in their order on the form: wording (petition's language) and answer. */
    record Answered(String question, String answer) {}

    List<Answered> answers(Petition petition, long id) {
        return database.reads().withHandle(h -> {
            List<Question> questions = Questions.all(h, petition.id());
            if (questions.isEmpty()) return List.of();
            Map<Long, String> given = Questions.answers(h, List.of(id)).getOrDefault(id, Map.of());
            return questions.stream().filter(q -> q.removedAt() == null || given.containsKey(q.id()))
                    .map(q -> new Answered(q.label(petition.lang()), given.get(q.id()))).toList();
        });
    }

    Optional<SignatoryRow> one(Petition petition, long id) {
        return database.reads().withExtension(SignatoryQueries.class, q -> q.one(petition.id(), id));
    }
}
