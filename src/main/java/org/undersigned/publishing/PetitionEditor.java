package org.undersigned.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.coordinator.Coordinators;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.Presentation;
import org.undersigned.petition.Petitions;
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

    /** How the petition's page shows its signatories: {@code names} or {@code logos}. */
    String listStyle(long petitionId) {
        return database.reads().withExtension(PublishingDao.class, dao -> dao.listStyle(petitionId));
    }

    PetitionEditor(Database database, Audit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    Outcome create(Coordinator me, Kind kind, Map<String, List<String>> params) {
        PetitionForm.Result form = PetitionForm.parse(kind, params);
        Optional<Presentation> presentation = PresentationForm.parse(kind, params, form.values(), form.errors());
        if (form.draft() == null || presentation.isEmpty()) return new Outcome(form.values(), form.errors(), null);
        PetitionDraft draft = form.draft();
        return database.writer().write(h -> {
            PublishingDao dao = h.attach(PublishingDao.class);
            if (dao.slugTaken(kind.code(), draft.slug(), -1) > 0) return slugTaken(form);
            long now = clock.millis();
            long id = dao.insert(kind.code(), draft, now, draft.status() == PetitionStatus.CLOSED ? Long.valueOf(now) : null);
            dao.addVersion(id, 1, draft.title(), draft.body(), now, me.email());
            dao.assign(id, me.id());
            presentation.get().save(h, id);
            Petition saved = Petitions.byId(h, id).orElseThrow();
            audit.record(h, me.id(), me.email(), "create", saved.path(), draft.status().code());
            return new Outcome(form.values(), List.of(), saved);
        });
    }

    Outcome update(Coordinator me, Petition existing, Map<String, List<String>> params) {
        PetitionForm.Result form = PetitionForm.parse(existing.kind(), params);
        Optional<Presentation> presentation = PresentationForm.parse(existing.kind(), params, form.values(), form.errors());
        if (form.draft() == null || presentation.isEmpty()) return new Outcome(form.values(), form.errors(), null);
        PetitionDraft draft = form.draft();
        return database.writer().write(h -> {
            PublishingDao dao = h.attach(PublishingDao.class);
            Petition stored = Petitions.byId(h, existing.id()).orElseThrow();
            List<FieldError> errors = new ArrayList<>();
            if (!draft.slug().equals(stored.slug())) {
                if (Petitions.signatureCount(h, stored.id()) > 0) errors.add(new FieldError("slug", "error.slug.locked"));
                else if (dao.slugTaken(stored.kind().code(), draft.slug(), stored.id()) > 0) errors.add(new FieldError("slug", "error.slug.taken"));
            }
            if (draft.lang() != null && !draft.lang().equals(stored.lang())
                    && Petitions.translation(h, stored.id(), draft.lang()).isPresent()) {
                errors.add(new FieldError("lang", "error.lang.translated"));
            }
            if (!errors.isEmpty()) return new Outcome(form.values(), errors, null);
            long now = clock.millis();
            int version = stored.version();
            if (!draft.title().equals(stored.title()) || !draft.body().equals(stored.body())) {
                version++;
                dao.addVersion(stored.id(), version, draft.title(), draft.body(), now, me.email());
            }
            Long closedAt = draft.status() == PetitionStatus.CLOSED ? (stored.isClosed() ? stored.closedAt() : Long.valueOf(now)) : null;
            dao.update(stored.id(), draft, version, now, closedAt);
            Presentation before = Presentation.of(h, stored.id());
            presentation.get().save(h, stored.id());
            Petition saved = Petitions.byId(h, stored.id()).orElseThrow();
            auditChanges(h, me, stored, saved);
            auditPresentation(h, me, saved, before, presentation.get());
            return new Outcome(form.values(), List.of(), saved);
        });
    }

    private void auditChanges(Handle h, Coordinator me, Petition before, Petition after) {
        List<String> details = new ArrayList<>();
        if (before.version() != after.version()) details.add("text version " + after.version());
        changed(details, "initiated_by", before.initiatedBy(), after.initiatedBy());
        changed(details, "addressed_to", before.addressedTo(), after.addressedTo());
        changed(details, "closes_at", before.closesAt() == null ? null : java.time.Instant.ofEpochMilli(before.closesAt()).toString(),
                after.closesAt() == null ? null : java.time.Instant.ofEpochMilli(after.closesAt()).toString());
        String detail = String.join("; ", details);
        audit.record(h, me.id(), me.email(), "edit", after.path(), detail);
        if (before.status() != after.status()) {
            String action = switch (after.status()) {
                case OPEN -> before.isClosed() ? "reopen" : "publish";
                case CLOSED -> "close";
                default -> "unpublish";
            };
            audit.record(h, me.id(), me.email(), action, after.path(), before.status() + " → " + after.status());
        }
    }

    /** The byline and the deadline are public words a coordinator may be asked about: the audit keeps them as they were. */
    private static void changed(List<String> details, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            details.add(field + ": \"" + (before == null ? "" : before) + "\" → \"" + (after == null ? "" : after) + "\"");
        }
    }

    /** The goal steps and the next step, each with its own entry when it changed: what supporters are asked next. */
    private void auditPresentation(Handle h, Coordinator me, Petition petition, Presentation before, Presentation after) {
        if (!Objects.equals(before.goalSteps(), after.goalSteps())) {
            audit.record(h, me.id(), me.email(), "goal_steps", petition.path(), shown(before.goalSteps()) + " → " + shown(after.goalSteps()));
        }
        if (before.nextStep() != after.nextStep() || !Objects.equals(before.nextStepUrl(), after.nextStepUrl())) {
            audit.record(h, me.id(), me.email(), "next_step", petition.path(), step(before) + " → " + step(after));
        }
    }

    private static String shown(String value) {
        return value == null ? "-" : value;
    }

    private static String step(Presentation p) {
        return p.nextStep() == null ? "-" : p.nextStep().code() + " " + p.nextStepUrl();
    }

    /** An admin adds or removes a coordinator of this petition; false when there is no such coordinator. */
    boolean assign(Coordinator me, Petition petition, long coordinatorId, boolean add) {
        return database.writer().write(h -> {
            Optional<Coordinator> coordinator = Coordinators.byId(h, coordinatorId);
            if (coordinator.isEmpty()) return false;
            PublishingDao dao = h.attach(PublishingDao.class);
            int changed = add ? dao.assign(petition.id(), coordinatorId) : dao.unassign(petition.id(), coordinatorId);
            if (changed > 0) {
                audit.record(h, me.id(), me.email(), add ? "assign" : "unassign", petition.path(), coordinator.get().email(), coordinatorId);
            }
            return true;
        });
    }

    Presentation presentation(Petition petition) {
        return Presentation.of(database.reads(), petition.id());
    }

    List<Coordinator> assigned(Petition petition) {
        return database.reads().withExtension(PublishingDao.class, dao -> dao.assigned(petition.id()));
    }

    private static Outcome slugTaken(PetitionForm.Result form) {
        return new Outcome(form.values(), List.of(new FieldError("slug", "error.slug.taken")), null);
    }
}
