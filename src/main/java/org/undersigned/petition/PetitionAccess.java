package org.undersigned.petition;

import io.javalin.http.NotFoundResponse;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;

/** Which coordinator may see and change which petition: an admin all, a coordinator those assigned to them. */
public final class PetitionAccess {
    private final Database database;
    private final Petitions petitions;

    public PetitionAccess(Database database, Petitions petitions) {
        this.database = database;
        this.petitions = petitions;
    }

    /** The petition if this coordinator may manage it; otherwise it does not exist for them (404). */
    public Petition manageable(Coordinator me, Kind kind, String slug) {
        Petition petition = petitions.find(kind, slug).orElseThrow(NotFoundResponse::new);
        if (!canManage(me, petition.id())) throw new NotFoundResponse();
        return petition;
    }

    /** Every petition this coordinator may manage, oldest first (an admin's: all), whatever its status. */
    public java.util.List<Petition> manageable(Coordinator me) {
        return database.reads().withExtension(PetitionDao.class, dao -> me.isAdmin() ? dao.all() : dao.managedBy(me.id()));
    }

    /** The petition with this id if this coordinator may manage it; empty as for one that does not exist. */
    public java.util.Optional<Petition> manageable(Coordinator me, long petitionId) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.byId(petitionId)).filter(p -> canManage(me, p.id()));
    }

    public boolean canManage(Coordinator me, long petitionId) {
        return me.isAdmin() || database.reads().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM petition_coordinators WHERE petition_id = :p AND coordinator_id = :c")
                .bind("p", petitionId).bind("c", me.id()).mapTo(Long.class).one() > 0);
    }
}
