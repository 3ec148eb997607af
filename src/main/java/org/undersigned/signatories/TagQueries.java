package org.undersigned.signatories;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A petition's tags and the signatures that carry them (see V043). */
interface TagQueries {
    /** A tag as the list's filter offers it, with how many signatures carry it. */
    record Tag(String nameKey, String name, long count) {}

    @SqlQuery("""
            SELECT t.name_key, t.name,
                   (SELECT COUNT(*) FROM signature_tags st WHERE st.petition_id = t.petition_id AND st.name_key = t.name_key) AS count
            FROM tags t WHERE t.petition_id = :petitionId ORDER BY t.name_key""")
    @RegisterConstructorMapper(Tag.class)
    List<Tag> all(long petitionId);

    @SqlQuery("SELECT name FROM tags WHERE petition_id = :petitionId AND name_key = :key")
    Optional<String> name(long petitionId, String key);

    @SqlQuery("SELECT COUNT(*) FROM tags WHERE petition_id = :petitionId")
    long count(long petitionId);

    @SqlUpdate("""
            INSERT INTO tags (petition_id, name_key, name, created_at) VALUES (:petitionId, :key, :name, :now)
            ON CONFLICT (petition_id, name_key) DO NOTHING""")
    int create(long petitionId, String key, String name, long now);

    /** Tags a signature of this petition; 0 when it has the tag already or is not the petition's. */
    @SqlUpdate("""
            INSERT INTO signature_tags (signature_id, petition_id, name_key)
            SELECT id, petition_id, :key FROM signatures WHERE petition_id = :petitionId AND id = :id
            ON CONFLICT (signature_id, name_key) DO NOTHING""")
    int tag(long petitionId, long id, String key);

    @SqlUpdate("DELETE FROM signature_tags WHERE petition_id = :petitionId AND signature_id = :id AND name_key = :key")
    int untag(long petitionId, long id, String key);

    /** Forgets a tag no signature carries any more, so the filter offers only tags in use. */
    @SqlUpdate("""
            DELETE FROM tags WHERE petition_id = :petitionId AND name_key = :key
            AND NOT EXISTS (SELECT 1 FROM signature_tags st WHERE st.petition_id = :petitionId AND st.name_key = :key)""")
    int dropUnused(long petitionId, String key);

    /** The tags of one signature given to another (a merge), keeping what it has. */
    @SqlUpdate("""
            INSERT INTO signature_tags (signature_id, petition_id, name_key)
            SELECT :to, petition_id, name_key FROM signature_tags WHERE signature_id = :from
            ON CONFLICT (signature_id, name_key) DO NOTHING""")
    int copy(long from, long to);

    @SqlUpdate("UPDATE petitions SET initiators_first = :on WHERE id = :petitionId AND initiators_first <> :on")
    int setInitiatorsFirst(long petitionId, boolean on);

    @SqlQuery("SELECT initiators_first FROM petitions WHERE id = :petitionId")
    boolean initiatorsFirst(long petitionId);
}
