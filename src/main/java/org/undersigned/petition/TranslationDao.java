package org.undersigned.petition;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Translation.class)
interface TranslationDao {
    @SqlQuery("""
            SELECT petition_id, lang, title, summary, body, consent_text, updated_at, initiated_by, addressed_to
            FROM petition_translations WHERE petition_id = :petitionId ORDER BY lang""")
    List<Translation> all(long petitionId);

    @SqlQuery("""
            SELECT petition_id, lang, title, summary, body, consent_text, updated_at, initiated_by, addressed_to
            FROM petition_translations WHERE petition_id = :petitionId AND lang = :lang""")
    Optional<Translation> find(long petitionId, String lang);

    @SqlUpdate("""
            INSERT INTO petition_translations (petition_id, lang, title, summary, body, consent_text, updated_at, initiated_by, addressed_to)
            VALUES (:t.petitionId, :t.lang, :t.title, :t.summary, :t.body, :t.consentText, :t.updatedAt, :t.initiatedBy, :t.addressedTo)
            ON CONFLICT (petition_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                body = excluded.body, consent_text = excluded.consent_text, updated_at = excluded.updated_at,
                initiated_by = excluded.initiated_by, addressed_to = excluded.addressed_to""")
    void save(@BindMethods("t") Translation t);

    @SqlUpdate("DELETE FROM petition_translations WHERE petition_id = :petitionId AND lang = :lang")
    int delete(long petitionId, String lang);
}
