package org.undersigned.coordinator;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements and campaigns an admin can give a coordinator while inviting them. Read and
 * written here, not through the petition feature, which itself depends on coordinators.
 */
interface Assignable {
    /** One petition as the invitation form offers it. */
    record Petition(long id, String kind, String slug, String title) {
        public String path() {
            return "/" + kind + "s/" + slug;
        }
    }

    @SqlQuery("SELECT id, kind, slug, title FROM petitions ORDER BY created_at DESC, id DESC")
    @RegisterConstructorMapper(Petition.class)
    List<Petition> all();

    @SqlQuery("SELECT id, kind, slug, title FROM petitions WHERE id = :id")
    @RegisterConstructorMapper(Petition.class)
    java.util.Optional<Petition> byId(long id);

    @SqlUpdate("INSERT INTO petition_coordinators (petition_id, coordinator_id) VALUES (:petitionId, :coordinatorId) ON CONFLICT DO NOTHING")
    int assign(long petitionId, long coordinatorId);
}
