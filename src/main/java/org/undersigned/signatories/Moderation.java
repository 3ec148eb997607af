package org.undersigned.signatories;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.signature.SuspectReview;
import org.undersigned.text.Text;

/**
 * What coordinators decide about signatures: approve or reject confirmed ones, release or discard
 * suspect ones, and change the name a signatory is listed under. Each change and its audit entry
 * are one transaction.
 */
public final class Moderation {
    static final int MAX_NOTE = 500;
    static final int MAX_NAME = 200;
    private final Database database;
    private final Audit audit;
    private final SuspectReview suspects;

    /** The moderation form's {@code decision}; approving and rejecting store their word in signatures.moderation. */
    public enum Decision {
        APPROVE("approved"), REJECT("rejected"), RELEASE(null), DISCARD(null);

        private final String stored;

        Decision(String stored) {
            this.stored = stored;
        }

        static Optional<Decision> of(String code) {
            for (Decision d : values()) if (d.name().toLowerCase(Locale.ROOT).equals(code)) return Optional.of(d);
            return Optional.empty();
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Moderation(Database database, Audit audit, SuspectReview suspects) {
        this.database = database;
        this.audit = audit;
        this.suspects = suspects;
    }

    /** Applies the decision to each signature it fits; returns how many changed. */
    int decide(Coordinator me, Petition petition, Decision decision, List<Long> ids, String note) {
        String kept = note.isEmpty() ? null : note.substring(0, Math.min(note.length(), MAX_NOTE));
        return database.writer().write(h -> {
            SignatoryQueries q = h.attach(SignatoryQueries.class);
            int changed = 0;
            for (long id : ids) {
                boolean done = switch (decision) {
                    case RELEASE -> suspects.release(h, petition, id);
                    case DISCARD -> suspects.discard(h, petition, id);
                    case APPROVE, REJECT -> q.moderate(petition.id(), id, decision.stored, kept) == 1;
                };
                if (done) {
                    changed++;
                    audit.record(h, me.id(), me.email(), decision.code(), petition.path() + "#" + id, note);
                }
            }
            return changed;
        });
    }

    /**
     * Lists the signatory under another name (blank, or the name they gave: under their own again).
     * A name too long is a bad request (400); a signature not of this petition does not exist (404).
     */
    void rename(Coordinator me, Petition petition, long id, String shown) {
        if (Text.length(shown) > MAX_NAME) throw new BadRequestResponse("display_name");
        database.writer().run(h -> {
            SignatoryQueries q = h.attach(SignatoryQueries.class);
            SignatoryRow row = q.one(petition.id(), id).orElseThrow(NotFoundResponse::new);
            String newName = shown.isEmpty() || shown.equals(row.organisation()) ? null : shown;
            q.rename(petition.id(), id, newName);
            audit.record(h, me.id(), me.email(), "rename", petition.path() + "#" + id,
                    row.shownName() + " → " + (newName == null ? row.organisation() : newName));
        });
    }
}
