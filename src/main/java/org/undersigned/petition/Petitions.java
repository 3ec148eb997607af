package org.undersigned.petition;

import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.undersigned.db.Database;

/**
 * Reads petitions as they stand now (opening and closing times applied). Drafts and embargoed
 * petitions do not exist for the public.
 */
public final class Petitions {
    private final Database database;
    private final Clock clock;

    public Petitions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Petition publicOne(String kind, String slug) {
        return find(kind, slug).map(p -> p.at(clock.millis())).filter(Petition::isPublic).orElseThrow(NotFoundResponse::new);
    }

    /** As stored, whatever its status and times: for coordinators. */
    public Optional<Petition> find(String kind, String slug) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.find(kind, slug));
    }

    public Petition byId(long id) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.byId(id))
                .map(p -> p.at(clock.millis())).orElseThrow(NotFoundResponse::new);
    }

    public List<Petition> open() {
        long now = clock.millis();
        return database.reads().withExtension(PetitionDao.class, PetitionDao::open).stream()
                .map(p -> p.at(now)).filter(Petition::isOpen).toList();
    }
}
