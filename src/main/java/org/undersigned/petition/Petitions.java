package org.undersigned.petition;

import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.undersigned.db.Database;

/** Reads petitions for public pages: drafts do not exist for the public. */
public final class Petitions {
    private final Database database;

    public Petitions(Database database) {
        this.database = database;
    }

    public Petition publicOne(String kind, String slug) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.find(kind, slug))
                .filter(Petition::isPublic)
                .orElseThrow(NotFoundResponse::new);
    }

    public Petition byId(long id) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.byId(id)).orElseThrow(NotFoundResponse::new);
    }

    public List<Petition> open() {
        return database.reads().withExtension(PetitionDao.class, PetitionDao::open);
    }
}
