package org.undersigned.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionDao;
import org.undersigned.petition.TranslationDao;
import org.undersigned.web.FieldError;

/**
 * Creates and edits statements and campaigns. A change of title or text makes a new version
 * (earlier ones are kept, and each signature keeps pointing at the one it signed); the slug is
 * fixed once someone has signed; every save is audited in the same transaction.
 */
final class PetitionEditor {
    record Outcome(Map<String, String> values, List<FieldError> errors, Petition saved) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Database database;
    private final Audit audit;
    private final Clock clock;

    PetitionEditor(Database database, Audit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    Outcome create(Coordinator me, String kind, Map<String, List<String>> params) {
        PetitionForm.Result form = PetitionForm.parse(kind, params);
        if (form.draft() == null) return new Outcome(form.values(), form.errors(), null);
        PetitionDraft draft = form.draft();
        return database.writer().write(h -> {
            PublishingDao dao = h.attach(PublishingDao.class);
            if (dao.slugTaken(kind, draft.slug(), -1) > 0) return slugTaken(form);
            long now = clock.millis();
            long id = dao.insert(kind, draft, now, draft.status().equals("closed") ? Long.valueOf(now) : null);
            dao.addVersion(id, 1, draft.title(), draft.body(), now, me.email());
            dao.assign(id, me.id());
            Petition saved = h.attach(PetitionDao.class).byId(id).orElseThrow();
            audit.record(h, me.id(), me.email(), "create", saved.path(), draft.status());
            return new Outcome(form.values(), List.of(), saved);
        });
    }

    Outcome update(Coordinator me, Petition existing, Map<String, List<String>> params) {
        PetitionForm.Result form = PetitionForm.parse(existing.kind(), params);
        if (form.draft() == null) return new Outcome(form.values(), form.errors(), null);
        PetitionDraft draft = form.draft();
        return database.writer().write(h -> {
            PublishingDao dao = h.attach(PublishingDao.class);
            PetitionDao petitions = h.attach(PetitionDao.class);
            Petition stored = petitions.byId(existing.id()).orElseThrow();
            List<FieldError> errors = new ArrayList<>();
            if (!draft.slug().equals(stored.slug())) {
                if (petitions.signatureCount(stored.id()) > 0) errors.add(new FieldError("slug", "error.slug.locked"));
                else if (dao.slugTaken(stored.kind(), draft.slug(), stored.id()) > 0) errors.add(new FieldError("slug", "error.slug.taken"));
            }
            if (draft.lang() != null && !draft.lang().equals(stored.lang())
                    && h.attach(TranslationDao.class).find(stored.id(), draft.lang()).isPresent()) {
                errors.add(new FieldError("lang", "error.lang.translated"));
            }
            if (!errors.isEmpty()) return new Outcome(form.values(), errors, null);
            long now = clock.millis();
            int version = stored.version();
            if (!draft.title().equals(stored.title()) || !draft.body().equals(stored.body())) {
                version++;
                dao.addVersion(stored.id(), version, draft.title(), draft.body(), now, me.email());
            }
            Long closedAt = draft.status().equals("closed") ? (stored.isClosed() ? stored.closedAt() : Long.valueOf(now)) : null;
            dao.update(stored.id(), draft, version, now, closedAt);
            Petition saved = petitions.byId(stored.id()).orElseThrow();
            auditChanges(h, me, stored, saved);
            return new Outcome(form.values(), List.of(), saved);
        });
    }

    private void auditChanges(Handle h, Coordinator me, Petition before, Petition after) {
        String detail = before.version() != after.version() ? "text version " + after.version() : "";
        audit.record(h, me.id(), me.email(), "edit", after.path(), detail);
        if (!before.status().equals(after.status())) {
            String action = switch (after.status()) {
                case "open" -> before.isClosed() ? "reopen" : "publish";
                case "closed" -> "close";
                default -> "unpublish";
            };
            audit.record(h, me.id(), me.email(), action, after.path(), before.status() + " → " + after.status());
        }
    }

    private static Outcome slugTaken(PetitionForm.Result form) {
        return new Outcome(form.values(), List.of(new FieldError("slug", "error.slug.taken")), null);
    }
}
