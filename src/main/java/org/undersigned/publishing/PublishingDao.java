package org.undersigned.publishing;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface PublishingDao {
    @SqlQuery("SELECT COUNT(*) FROM petitions WHERE kind = :kind AND slug = :slug AND id <> :exceptId")
    long slugTaken(String kind, String slug, long exceptId);

    @SqlQuery("""
            INSERT INTO petitions (kind, slug, title, summary, body, status, goal, image_url, needs_approval, opens_at,
                                   closes_at, consent_text, digest, version, created_at, updated_at, closed_at, lang, reply_to,
                                   initiated_by, addressed_to, list_style)
            VALUES (:kind, :d.slug, :d.title, :d.summary, :d.body, :d.statusCode, :d.goal, :d.imageUrl, :d.needsApproval,
                    :d.opensAt, :d.closesAt, :d.consentText, :d.digest, 1, :now, :now, :closedAt, COALESCE(:d.lang, 'en'), :d.replyTo,
                    :d.initiatedBy, :d.addressedTo, :d.listStyle)
            RETURNING id""")
    long insert(String kind, @BindMethods("d") PetitionDraft d, long now, Long closedAt);

    @SqlUpdate("""
            UPDATE petitions SET slug = :d.slug, title = :d.title, summary = :d.summary, body = :d.body, status = :d.statusCode,
                   goal = :d.goal, image_url = :d.imageUrl, needs_approval = :d.needsApproval, opens_at = :d.opensAt,
                   closes_at = :d.closesAt, consent_text = :d.consentText, digest = :d.digest, version = :version,
                   updated_at = :now, closed_at = :closedAt, lang = COALESCE(:d.lang, lang), reply_to = :d.replyTo,
                   initiated_by = :d.initiatedBy, addressed_to = :d.addressedTo, list_style = :d.listStyle
            WHERE id = :id""")
    void update(long id, @BindMethods("d") PetitionDraft d, int version, long now, Long closedAt);

    @SqlQuery("SELECT list_style FROM petitions WHERE id = :id")
    String listStyle(long id);

    @SqlUpdate("""
            INSERT INTO petition_versions (petition_id, version, title, body, created_at, created_by)
            VALUES (:petitionId, :version, :title, :body, :now, :by)""")
    void addVersion(long petitionId, int version, String title, String body, long now, String by);

    @SqlUpdate("INSERT INTO petition_coordinators (petition_id, coordinator_id) VALUES (:petitionId, :coordinatorId) ON CONFLICT DO NOTHING")
    int assign(long petitionId, long coordinatorId);

    @SqlUpdate("DELETE FROM petition_coordinators WHERE petition_id = :petitionId AND coordinator_id = :coordinatorId")
    int unassign(long petitionId, long coordinatorId);

    @SqlQuery("""
            SELECT c.id, c.email, c.name, c.role, c.created_at
            FROM coordinators c JOIN petition_coordinators pc ON pc.coordinator_id = c.id
            WHERE pc.petition_id = :petitionId ORDER BY lower(c.name), c.email""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(org.undersigned.coordinator.Coordinator.class)
    java.util.List<org.undersigned.coordinator.Coordinator> assigned(long petitionId);
}
