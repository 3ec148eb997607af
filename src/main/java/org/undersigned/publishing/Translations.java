package org.undersigned.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;
import org.undersigned.petition.Translation;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/** A petition's text in another language: checked, saved or deleted, each with its audit entry. */
final class Translations {
    /** The form as submitted, with its problems; saved only when there are none. */
    record Outcome(Map<String, String> values, List<FieldError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Database database;
    private final Petitions petitions;
    private final Audit audit;
    private final Clock clock;

    Translations(Database database, Petitions petitions, Audit audit, Clock clock) {
        this.database = database;
        this.petitions = petitions;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Translation> find(Petition petition, String lang) {
        return petitions.translation(petition.id(), lang);
    }

    /** The form's values for an existing translation, or empty ones. */
    Map<String, String> values(Petition petition, String lang) {
        Map<String, String> values = new HashMap<>();
        find(petition, lang).ifPresent(t -> {
            values.put("title", t.title());
            values.put("summary", t.summary());
            values.put("body", t.body());
            values.put("consent_text", t.consentText() == null ? "" : t.consentText());
            values.put("initiated_by", t.initiatedBy() == null ? "" : t.initiatedBy());
            values.put("addressed_to", t.addressedTo() == null ? "" : t.addressedTo());
        });
        return values;
    }

    Outcome save(Coordinator me, Petition petition, String lang, Map<String, List<String>> params) {
        Map<String, String> values = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String title = field(params, "title", values, 300, true, errors);
        String summary = field(params, "summary", values, 500, false, errors);
        String body = Text.block(PetitionForm.first(params, "body"));
        values.put("body", body);
        if (body.isEmpty()) errors.add(new FieldError("body", "error.body.required"));
        else if (body.length() > PetitionForm.MAX_BODY) errors.add(new FieldError("body", "error.body.too_long"));
        String consent = field(params, "consent_text", values, 1000, false, errors);
        String initiatedBy = field(params, "initiated_by", values, PetitionForm.MAX_BYLINE, false, errors);
        String addressedTo = field(params, "addressed_to", values, PetitionForm.MAX_BYLINE, false, errors);
        if (!errors.isEmpty()) return new Outcome(values, errors);
        database.writer().run(h -> {
            Petitions.save(h, new Translation(petition.id(), lang, title, summary, body, consent.isEmpty() ? null : consent, clock.millis(),
                    initiatedBy.isEmpty() ? null : initiatedBy, addressedTo.isEmpty() ? null : addressedTo));
            audit.record(h, me.id(), me.email(), "translate", petition.path(), lang);
        });
        return new Outcome(values, List.of());
    }

    void delete(Coordinator me, Petition petition, String lang) {
        database.writer().run(h -> {
            if (Petitions.deleteTranslation(h, petition.id(), lang)) audit.record(h, me.id(), me.email(), "untranslate", petition.path(), lang);
        });
    }

    private static String field(Map<String, List<String>> params, String name, Map<String, String> values, int max, boolean required,
                                List<FieldError> errors) {
        String value = Text.line(PetitionForm.first(params, name));
        values.put(name, value);
        if (required && value.isEmpty()) errors.add(new FieldError(name, "error." + name + ".required"));
        else if (Text.length(value) > max) errors.add(new FieldError(name, "error." + name + ".too_long"));
        return value;
    }
}
