package org.undersigned.signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.petition.Question;

/**
 * The answers to a petition's own questions: read and checked from the sign-on form, and stored
 * with the signature in its transaction. A petition without questions reads and writes nothing.
 */
final class Answers {
    private static final String UPSERT = """
            INSERT INTO signature_answers (signature_id, question_id, answer) VALUES (:signatureId, :questionId, :answer)
            ON CONFLICT (signature_id, question_id) DO UPDATE SET answer = excluded.answer""";
    private static final String CLEAR = "DELETE FROM signature_answers WHERE signature_id = :signatureId";

    private Answers() {}

    /** What a sign-on answered (question id to answer as stored); {@code asked}: the petition has questions. */
    record Given(Map<Long, String> byQuestion, boolean asked) {
        static final Given NONE = new Given(Map.of(), false);
    }

    /**
     * Each question's answer as stored (question id to text: a choice as its option in the
     * petition's own language, a ticked box as {@link Question#TICKED}); unanswered optional ones
     * are left out. Problems go to the form, under error.question.*.
     */
    static Given read(FormFields form, List<Question.Asked> questions) {
        if (questions.isEmpty()) return Given.NONE;
        Map<Long, String> answers = new LinkedHashMap<>();
        for (Question.Asked q : questions) {
            form.messagesAs(q.field(), "question");
            String answer = switch (Question.Type.of(q.type()).orElseThrow()) {
                case TEXT -> form.text(q.field(), q.required(), Question.MAX_ANSWER);
                case CHECKBOX -> form.checkbox(q.field(), q.required()) ? Question.TICKED : null;
                case CHOICE -> choice(form, q);
            };
            if (answer != null) answers.put(q.id(), answer);
        }
        return new Given(Map.copyOf(answers), true);
    }

    /** The form sends the option's number (1 is the first), the same in every language. */
    private static String choice(FormFields form, Question.Asked q) {
        String picked = form.text(q.field(), q.required(), 3);
        if (picked == null) return null;
        int n = picked.matches("\\d{1,3}") ? Integer.parseInt(picked) : 0;
        if (n < 1 || n > q.storedOptions().size()) {
            form.error(q.field(), "invalid");
            return null;
        }
        return q.storedOptions().get(n - 1);
    }

    /** Inside the sign-on's transaction. */
    static void store(Handle h, long signatureId, Given given) {
        Map<Long, String> answers = given.byQuestion();
        if (answers.isEmpty()) return;
        var batch = h.prepareBatch(UPSERT);
        answers.forEach((question, answer) -> batch.bind("signatureId", signatureId).bind("questionId", question)
                .bind("answer", answer).add());
        batch.execute();
    }

    /** A pending sign-on taken over by a newer one: the newer answers replace all the earlier ones. */
    static void replace(Handle h, long signatureId, Given given) {
        if (!given.asked()) return;
        h.createUpdate(CLEAR).bind("signatureId", signatureId).execute();
        store(h, signatureId, given);
    }
}
