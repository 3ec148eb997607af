package org.undersigned.signatories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;

/**
 * Likely duplicates among a statement's organisations: two signatures whose folded names are equal,
 * or that share a website or mail domain ({@link DuplicateKeys}), unless a coordinator marked them
 * distinct. One pass over the signatures that count or may count (not withdrawn, not rejected)
 * groups them by key in a map, so the work grows with the number of signatures, not its square. A
 * domain held by more than {@link #MAX_DOMAIN_GROUP} signatures is a network's or a provider's, not
 * evidence that they are one organisation, and flags none of them; a crowd of one name pairs each
 * with the first of them only.
 */
public final class Duplicates {
    static final int MAX_DOMAIN_GROUP = 10;
    /**
     * The largest statement whose list flags its likely duplicates on every view (see docs/performance.md);
     * a larger one has them on their own page.
     */
    static final int FLAGGED_ON_LIST = 20_000;
    private final Database database;

    /** What the pass reads of each signature. */
    public record Candidate(long id, String organisation, String displayName, String website, String email, long createdAt) {
        public String shownName() {
            return displayName != null ? displayName : organisation;
        }
    }

    /** Two signatures that look like one organisation: why (the same name, and which domains they share). */
    public record Likely(Candidate low, Candidate high, boolean sameName, Set<String> domains) {
        /** The signature of the pair that is not this one. */
        public Candidate other(long id) {
            return low.id() == id ? high : low;
        }
    }

    /** Every likely pair, by the lower id, and each signature's pairs. */
    public record Found(List<Likely> pairs, Map<Long, List<Likely>> byRow) {
        public static final Found NONE = new Found(List.of(), Map.of());

        public List<Likely> of(long id) {
            return byRow.getOrDefault(id, List.of());
        }
    }

    interface Queries {
        @SqlQuery("""
                SELECT id, organisation, display_name, website, email, created_at FROM signatures
                WHERE petition_id = :petitionId AND state NOT IN ('withdrawn', 'rejected') AND organisation IS NOT NULL
                ORDER BY id""")
        @RegisterConstructorMapper(Candidate.class)
        List<Candidate> candidates(long petitionId);

        @SqlQuery("SELECT low_id || ':' || high_id FROM distinct_signatures WHERE petition_id = :petitionId")
        Set<String> distinct(long petitionId);
    }

    public Duplicates(Database database) {
        this.database = database;
    }

    /** The likely duplicates of a petition's signatures; none on a campaign, whose supporters share names and mail domains. */
    public Found find(Petition petition) {
        if (petition.kind() != org.undersigned.petition.Kind.STATEMENT) return Found.NONE;
        record Read(List<Candidate> candidates, Set<String> distinct) {}
        Read read = database.reads().withExtension(Queries.class, q -> new Read(q.candidates(petition.id()), q.distinct(petition.id())));
        return find(read.candidates(), read.distinct());
    }

    /** The pass itself, over candidates in id order; {@code distinct} holds "low:high" of pairs marked distinct. */
    static Found find(List<Candidate> candidates, Set<String> distinct) {
        Map<String, List<Candidate>> byName = new HashMap<>();
        Map<String, List<Candidate>> byDomain = new HashMap<>();
        for (Candidate c : candidates) {
            Set<String> names = new HashSet<>();
            names.add(DuplicateKeys.name(c.organisation()));
            names.add(DuplicateKeys.name(c.displayName()));
            names.remove("");
            for (String name : names) byName.computeIfAbsent(name, k -> new ArrayList<>(2)).add(c);
            Set<String> domains = new HashSet<>();
            domains.add(DuplicateKeys.website(c.website()));
            domains.add(DuplicateKeys.emailDomain(c.email()));
            domains.remove("");
            for (String domain : domains) byDomain.computeIfAbsent(domain, k -> new ArrayList<>(2)).add(c);
        }
        Map<String, Likely> pairs = new HashMap<>();
        byName.values().forEach(group -> pair(group, null, distinct, pairs));
        byDomain.forEach((domain, group) -> {
            if (group.size() <= MAX_DOMAIN_GROUP) pair(group, domain, distinct, pairs);
        });
        List<Likely> sorted = new ArrayList<>(pairs.values());
        sorted.sort(Comparator.comparingLong((Likely l) -> l.low().id()).thenComparingLong(l -> l.high().id()));
        Map<Long, List<Likely>> byRow = new HashMap<>();
        for (Likely l : sorted) {
            byRow.computeIfAbsent(l.low().id(), k -> new ArrayList<>()).add(l);
            byRow.computeIfAbsent(l.high().id(), k -> new ArrayList<>()).add(l);
        }
        return new Found(sorted, byRow);
    }

    /**
     * Each pair in a group (in id order, as the candidates came), with the reason added to what is
     * known of it. A crowd of one name (a flood of sign-ons) pairs each with the first only, so that
     * the pairs stay as many as the signatures.
     */
    private static void pair(List<Candidate> group, String domain, Set<String> distinct, Map<String, Likely> pairs) {
        int firsts = group.size() > MAX_DOMAIN_GROUP ? 1 : group.size();
        for (int i = 0; i < firsts; i++) {
            for (int j = i + 1; j < group.size(); j++) {
                Candidate low = group.get(i);
                Candidate high = group.get(j);
                String key = low.id() + ":" + high.id();
                if (distinct.contains(key)) continue;
                Likely known = pairs.get(key);
                Set<String> domains = new TreeSet<>(known == null ? Set.of() : known.domains());
                if (domain != null) domains.add(domain);
                pairs.put(key, new Likely(low, high, domain == null || (known != null && known.sameName()), domains));
            }
        }
    }
}
