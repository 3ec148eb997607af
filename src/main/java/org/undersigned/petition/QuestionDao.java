package org.undersigned.petition;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A petition's questions and their wordings, as stored (see V045). */
interface QuestionDao {
    record Row(long id, int position, String type, boolean required, Long removedAt) {}

    record Text(long questionId, String lang, String label, String options) {}

    @SqlQuery("""
            SELECT id, position, type, required, removed_at FROM petition_questions
            WHERE petition_id = :petitionId ORDER BY position, id""")
    @RegisterConstructorMapper(Row.class)
    List<Row> rows(long petitionId);

    @SqlQuery("SELECT question_id, lang, label, options FROM petition_question_texts WHERE petition_id = :petitionId")
    @RegisterConstructorMapper(Text.class)
    List<Text> texts(long petitionId);

    @SqlQuery("""
            INSERT INTO petition_questions (petition_id, position, type, required, created_at)
            VALUES (:petitionId, (SELECT COALESCE(MAX(position), 0) + 1 FROM petition_questions WHERE petition_id = :petitionId),
                    :type, :required, :now)
            RETURNING id""")
    long insert(long petitionId, String type, boolean required, long now);

    @SqlUpdate("UPDATE petition_questions SET type = :type, required = :required WHERE id = :id AND petition_id = :petitionId")
    int update(long petitionId, long id, String type, boolean required);

    @SqlUpdate("DELETE FROM petition_question_texts WHERE question_id = :id")
    void deleteTexts(long id);

    @SqlUpdate("""
            INSERT INTO petition_question_texts (question_id, petition_id, lang, label, options)
            VALUES (:questionId, :petitionId, :lang, :label, :options)""")
    void insertText(long questionId, long petitionId, String lang, String label, String options);

    @SqlUpdate("UPDATE petition_questions SET position = :position WHERE id = :id AND petition_id = :petitionId")
    int move(long petitionId, long id, int position);

    @SqlUpdate("UPDATE petition_questions SET removed_at = :now WHERE id = :id AND petition_id = :petitionId AND removed_at IS NULL")
    int remove(long petitionId, long id, long now);
}
