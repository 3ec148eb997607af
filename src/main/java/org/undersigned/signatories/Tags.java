package org.undersigned.signatories;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.text.Text;

/**
 * Coordinators' tags on signatures ("member", "initiator"): added to or removed from one signature
 * or a selection, each change with its audit entry in one transaction. A tag's name is unique per
 * petition whatever its case ("Member" is "member"); a tag no signature carries any more is
 * forgotten. Signatures tagged {@link #INITIATOR} head a statement's public list when the petition
 * asks for it ({@link #initiatorsFirst}).
 */
public final class Tags {
    /** The tag whose signatures a statement can list first, as its name_key. */
    public static final String INITIATOR = "initiator";
    static final int MAX_LENGTH = 32;
    static final int MAX_PER_PETITION = 50;
    /** Letters and digits of any script, spaces and a few marks; no comma, which separates tags in the CSV. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} _.'&+-]*");
    private final Database database;
    private final Audit audit;
    private final Clock clock;

    public enum Action {
        ADD, REMOVE;

        static Optional<Action> of(String code) {
            for (Action a : values()) if (a.code().equals(code)) return Optional.of(a);
            return Optional.empty();
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a change did: the tag's name as kept, how many signatures changed; or the message key of what was wrong with the name. */
    record Outcome(String name, int changed, String problem) {
        boolean done() {
            return problem == null;
        }
    }

    public Tags(Database database, Audit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** The message key saying what is wrong with the name, or empty when it is a good one. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) return Optional.of("error.tag.empty");
        if (Text.length(name) > MAX_LENGTH) return Optional.of("error.tag.too_long");
        if (!NAME.matcher(name).matches()) return Optional.of("error.tag.characters");
        return Optional.empty();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    List<TagQueries.Tag> all(Petition petition) {
        return database.reads().withExtension(TagQueries.class, q -> q.all(petition.id()));
    }

    /** Adds the tag to, or removes it from, each of the petition's signatures among ids. */
    Outcome apply(Coordinator me, Petition petition, List<Long> ids, String rawName, Action action) {
        String name = Text.line(rawName);
        Optional<String> problem = problem(name);
        if (problem.isPresent()) return new Outcome(name, 0, problem.get());
        String key = key(name);
        return database.writer().write(h -> {
            TagQueries q = h.attach(TagQueries.class);
            Optional<String> known = q.name(petition.id(), key);
            if (action == Action.REMOVE && known.isEmpty()) return new Outcome(name, 0, null);
            if (known.isEmpty() && q.count(petition.id()) >= MAX_PER_PETITION) return new Outcome(name, 0, "error.tag.too_many");
            if (known.isEmpty()) q.create(petition.id(), key, name, clock.millis());
            String kept = known.orElse(name);
            List<Long> changed = new ArrayList<>();
            for (long id : ids) {
                int done = action == Action.ADD ? q.tag(petition.id(), id, key) : q.untag(petition.id(), id, key);
                if (done == 1) changed.add(id);
            }
            q.dropUnused(petition.id(), key);
            if (!changed.isEmpty()) {
                audit.record(h, me.id(), me.email(), action == Action.ADD ? "tag" : "untag", target(petition, changed),
                        "\"" + kept + "\": " + String.join(", ", changed.stream().map(id -> "#" + id).toList()));
            }
            return new Outcome(kept, changed.size(), null);
        });
    }

    /** Whether a statement lists its initiators first; a change has its audit entry (and moves the public pages' version). */
    void initiatorsFirst(Coordinator me, Petition petition, boolean on) {
        if (petition.kind() != Kind.STATEMENT) return;
        database.writer().run(h -> {
            if (h.attach(TagQueries.class).setInitiatorsFirst(petition.id(), on) == 1) {
                audit.record(h, me.id(), me.email(), "initiators_first", petition.path(), on ? "on" : "off");
            }
        });
    }

    boolean initiatorsFirst(Petition petition) {
        return database.reads().withExtension(TagQueries.class, q -> q.initiatorsFirst(petition.id()));
    }

    private static String target(Petition petition, List<Long> ids) {
        return ids.size() == 1 ? petition.path() + "#" + ids.get(0) : petition.path();
    }
}
