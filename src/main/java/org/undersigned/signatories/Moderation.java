package org.undersigned.signatories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.SignatureState;
import org.undersigned.signature.SuspectReview;
import org.undersigned.webhook.WebhookEvent;
import org.undersigned.webhook.Webhooks;

/**
 * What coordinators decide about signatures: approve sign-ons awaiting review, reject them (or
 * listed ones) and restore rejected ones, release or discard held ones (corrections are
 * {@link SignatureEdits}'). Each change, its audit entry and the mail it sends the signer are
 * one transaction.
 */
public final class Moderation {
    static final int MAX_NOTE = 500;
    private final Database database;
    private final Audit audit;
    private final SuspectReview suspects;
    private final DecisionMail mails;
    private final Webhooks webhooks;

    /** The moderation form's {@code decision}, and the one rule of which rows each applies to. */
    public enum Decision {
        APPROVE, REJECT, RESTORE, RELEASE, DISCARD;

        static Optional<Decision> of(String code) {
            for (Decision d : values()) if (d.code().equals(code)) return Optional.of(d);
            return Optional.empty();
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this decision changes a signature in this state; the page offers it only then. */
        public boolean appliesTo(SignatureState state) {
            return switch (this) {
                case APPROVE -> state == SignatureState.AWAITING;
                case REJECT -> state == SignatureState.AWAITING || state == SignatureState.LISTED;
                case RESTORE -> state == SignatureState.REJECTED;
                case RELEASE, DISCARD -> state == SignatureState.SUSPECT;
            };
        }
    }

    /** How many of the selected signatures the decision changed, and how many it did not fit (they had changed meanwhile). */
    record Outcome(Decision decision, int changed, int skipped) {}

    public Moderation(Database database, Audit audit, SuspectReview suspects, DecisionMail mails, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.database = database;
        this.audit = audit;
        this.suspects = suspects;
        this.mails = mails;
    }

    /** The selected signatures of this petition that the decision applies to, for its confirming step. */
    List<SignatoryRow> applicable(Petition petition, Decision decision, List<Long> ids) {
        return database.reads().withExtension(SignatoryQueries.class, q -> {
            List<SignatoryRow> rows = new ArrayList<>();
            for (long id : ids) q.one(petition.id(), id).filter(r -> decision.appliesTo(r.state())).ifPresent(rows::add);
            return rows;
        });
    }

    /** Applies the decision to each signature it fits; approving and rejecting mail the signer. */
    Outcome decide(Coordinator me, Petition petition, Decision decision, List<Long> ids, String note) {
        String kept = note.isEmpty() ? null : note.substring(0, Math.min(note.length(), MAX_NOTE));
        return database.writer().write(h -> {
            SignatoryQueries q = h.attach(SignatoryQueries.class);
            int changed = 0;
            for (long id : ids) {
                Optional<SignatoryRow> before = q.one(petition.id(), id);
                boolean done = switch (decision) {
                    case RELEASE -> suspects.release(h, petition, id);
                    case DISCARD -> suspects.discard(h, petition, id);
                    case APPROVE -> q.approve(petition.id(), id, kept) == 1;
                    case REJECT -> q.reject(petition.id(), id, kept) == 1;
                    case RESTORE -> q.restore(petition.id(), id, petition.needsApproval()) == 1;
                };
                if (!done) continue;
                changed++;
                audit.record(h, me.id(), me.email(), decision.code(), petition.path() + "#" + id, kept);
                if (decision == Decision.APPROVE) mails.approved(h, petition, before.orElseThrow());
                if (decision == Decision.REJECT) mails.rejected(h, petition, before.orElseThrow(), kept);
                if (decision == Decision.APPROVE) webhooks.signature(WebhookEvent.SIGNATURE_APPROVED, petition.id(), id);
                if (decision == Decision.REJECT) webhooks.signature(WebhookEvent.SIGNATURE_REJECTED, petition.id(), id);
            }
            return new Outcome(decision, changed, ids.size() - changed);
        });
    }
}
