package org.undersigned.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;
import org.undersigned.petition.Question;
import org.undersigned.petition.Questions;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/**
 * A petition's own questions as its coordinators write them: checked, added, changed, moved and
 * taken off the form, each with its audit entry. Worded in the petition's language (required) and
 * in any of its translations (optional: a reader of a version without a wording gets the original).
 */
final class QuestionEditor {
    /** A question as typed, or its problems; the form's values to show again. */
    record Outcome(Map<String, String> values, List<FieldError> errors, Question.Type type, boolean required,
                   Map<String, Question.Wording> wordings) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Database database;
    private final Petitions petitions;
    private final Audit audit;
    private final Clock clock;

    QuestionEditor(Database database, Petitions petitions, Audit audit, Clock clock) {
        this.database = database;
        this.petitions = petitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The petition's own language first, then its translations'. */
    List<String> languages(Petition petition) {
        List<String> languages = new ArrayList<>();
        languages.add(petition.lang());
        petitions.translations(petition.id()).stream().map(t -> t.lang()).filter(l -> !l.equals(petition.lang())).forEach(languages::add);
        return languages;
    }

    List<Question> questions(Petition petition) {
        return petitions.questions(petition.id());
    }

    /** The form's fields: type, required, and label_xx and options_xx for each language. */
    Outcome check(Petition petition, Map<String, List<String>> params) {
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String typeCode = first(params, "type");
        values.put("type", typeCode);
        Question.Type type = Question.Type.of(typeCode).orElse(null);
        if (type == null) errors.add(new FieldError("type", "error.question_type.invalid"));
        boolean required = "yes".equals(first(params, "required"));
        values.put("required", required ? "yes" : "");
        Map<String, Question.Wording> wordings = new LinkedHashMap<>();
        int ownOptions = -1;
        for (String lang : languages(petition)) {
            boolean own = lang.equals(petition.lang());
            String labelField = "label_" + lang;
            String optionsField = "options_" + lang;
            String label = Text.line(first(params, labelField));
            String rawOptions = params.containsKey(optionsField) ? first(params, optionsField) : "";
            values.put(labelField, label);
            values.put(optionsField, rawOptions);
            List<String> options = type == Question.Type.CHOICE
                    ? Question.options(rawOptions).stream().map(Text::line).filter(o -> !o.isEmpty()).toList() : List.of();
            if (label.isEmpty()) {
                if (own) errors.add(new FieldError(labelField, "error.question_label.required"));
                if (!own && !options.isEmpty()) errors.add(new FieldError(labelField, "error.question_label.required"));
                continue;
            }
            if (Text.length(label) > Question.MAX_LABEL) {
                errors.add(new FieldError(labelField, "error.question_label.too_long"));
                continue;
            }
            if (type == Question.Type.CHOICE) {
                if (options.stream().anyMatch(o -> Text.length(o) > Question.MAX_OPTION)) {
                    errors.add(new FieldError(optionsField, "error.question_options.too_long"));
                    continue;
                }
                if (own) {
                    if (options.size() < 2 || options.size() > Question.MAX_OPTIONS) {
                        errors.add(new FieldError(optionsField, "error.question_options.count"));
                        continue;
                    }
                    ownOptions = options.size();
                } else if (options.size() != ownOptions && ownOptions > 0) {
                    errors.add(new FieldError(optionsField, "error.question_options.mismatch"));
                    continue;
                }
            }
            wordings.put(lang, new Question.Wording(label, options));
        }
        return new Outcome(values, errors, type, required, wordings);
    }

    void add(Coordinator me, Petition petition, Outcome q) {
        database.writer().run(h -> {
            long id = Questions.add(h, petition.id(), q.type(), q.required(), q.wordings(), clock.millis());
            audit.record(h, me.id(), me.email(), "question_add", petition.path(), id + ": " + q.wordings().get(petition.lang()).label());
        });
    }

    /** False when the petition has no such question. */
    boolean update(Coordinator me, Petition petition, long id, Outcome q) {
        return database.writer().write(h -> {
            Question before = Questions.find(h, petition.id(), id).orElse(null);
            if (before == null || !Questions.update(h, petition.id(), id, q.type(), q.required(), q.wordings())) return false;
            audit.record(h, me.id(), me.email(), "question_edit", petition.path(),
                    id + ": " + before.label(petition.lang()) + " → " + q.wordings().get(petition.lang()).label());
            return true;
        });
    }

    void move(Coordinator me, Petition petition, long id, int direction) {
        database.writer().run(h -> {
            if (Questions.move(h, petition.id(), id, direction)) {
                audit.record(h, me.id(), me.email(), "question_move", petition.path(), id + (direction < 0 ? " ↑" : " ↓"));
            }
        });
    }

    void remove(Coordinator me, Petition petition, long id) {
        database.writer().run(h -> {
            Question question = Questions.find(h, petition.id(), id).orElse(null);
            if (question != null && Questions.remove(h, petition.id(), id, clock.millis())) {
                audit.record(h, me.id(), me.email(), "question_remove", petition.path(), id + ": " + question.label(petition.lang()));
            }
        });
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> given = params.get(name);
        return given == null || given.isEmpty() || given.get(0) == null ? "" : given.get(0);
    }
}
