package org.undersigned.petition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** A petition's questions, read and changed inside the caller's transaction (the caller audits). */
public final class Questions {
    private Questions() {}

    private record Answer(long signatureId, long questionId, String answer) {}

    /** Every question, removed ones included, in their order on the form. */
    public static List<Question> all(Handle h, long petitionId) {
        QuestionDao dao = h.attach(QuestionDao.class);
        List<QuestionDao.Row> rows = dao.rows(petitionId);
        if (rows.isEmpty()) return List.of();
        Map<Long, Map<String, Question.Wording>> wordings = new HashMap<>();
        for (QuestionDao.Text t : dao.texts(petitionId)) {
            wordings.computeIfAbsent(t.questionId(), id -> new LinkedHashMap<>())
                    .put(t.lang(), new Question.Wording(t.label(), Question.options(t.options())));
        }
        List<Question> questions = new ArrayList<>();
        for (QuestionDao.Row r : rows) {
            questions.add(new Question(r.id(), r.position(), Question.Type.of(r.type()).orElseThrow(), r.required(), r.removedAt(),
                    Map.copyOf(wordings.getOrDefault(r.id(), Map.of()))));
        }
        return List.copyOf(questions);
    }

    /** Those on the form now. */
    public static List<Question> asked(Handle h, long petitionId) {
        return all(h, petitionId).stream().filter(q -> q.removedAt() == null).toList();
    }

    public static Optional<Question> find(Handle h, long petitionId, long id) {
        return all(h, petitionId).stream().filter(q -> q.id() == id).findFirst();
    }

    /** A new question, last on the form; its id. */
    public static long add(Handle h, long petitionId, Question.Type type, boolean required, Map<String, Question.Wording> wordings, long now) {
        long id = h.attach(QuestionDao.class).insert(petitionId, type.code(), required, now);
        saveWordings(h, petitionId, id, wordings);
        return id;
    }

    /** False when the petition has no such question. */
    public static boolean update(Handle h, long petitionId, long id, Question.Type type, boolean required,
                                 Map<String, Question.Wording> wordings) {
        if (h.attach(QuestionDao.class).update(petitionId, id, type.code(), required) == 0) return false;
        saveWordings(h, petitionId, id, wordings);
        return true;
    }

    private static void saveWordings(Handle h, long petitionId, long id, Map<String, Question.Wording> wordings) {
        QuestionDao dao = h.attach(QuestionDao.class);
        dao.deleteTexts(id);
        wordings.forEach((lang, w) -> dao.insertText(id, petitionId, lang, w.label(), String.join("\n", w.options())));
    }

    /** Swaps the question with its neighbour on the form (up: -1, down: +1); false when there is none that way. */
    public static boolean move(Handle h, long petitionId, long id, int direction) {
        List<Question> asked = asked(h, petitionId);
        int at = -1;
        for (int i = 0; i < asked.size(); i++) if (asked.get(i).id() == id) at = i;
        int other = at + direction;
        if (at < 0 || other < 0 || other >= asked.size()) return false;
        // positions are rewritten in order, so earlier ties or gaps cannot make a swap a no-op
        List<Question> order = new ArrayList<>(asked);
        order.set(at, asked.get(other));
        order.set(other, asked.get(at));
        QuestionDao dao = h.attach(QuestionDao.class);
        for (int i = 0; i < order.size(); i++) dao.move(petitionId, order.get(i).id(), i + 1);
        return true;
    }

    /**
     * The answers of these signatures (signature id to question id to answer), in one query: for
     * the coordinators' pages, CSV and API, a page of rows at a time. Nothing public reads this.
     */
    public static Map<Long, Map<Long, String>> answers(Handle h, List<Long> signatureIds) {
        if (signatureIds.isEmpty()) return Map.of();
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        h.createQuery("SELECT signature_id, question_id, answer FROM signature_answers WHERE signature_id IN (<ids>)")
                .bindList("ids", signatureIds)
                .map((rs, c) -> new Answer(rs.getLong("signature_id"), rs.getLong("question_id"), rs.getString("answer")))
                .forEach(a -> answers.computeIfAbsent(a.signatureId(), id -> new HashMap<>()).put(a.questionId(), a.answer()));
        return answers;
    }

    /** Takes it off the form; its answers stay. False when it was not on it. */
    public static boolean remove(Handle h, long petitionId, long id, long now) {
        return h.attach(QuestionDao.class).remove(petitionId, id, now) == 1;
    }
}
