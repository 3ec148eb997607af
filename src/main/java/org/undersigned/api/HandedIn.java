package org.undersigned.api;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.signature.ByHand;
import org.undersigned.signature.NewSignature;

/**
 * A signature a tool hands in with a write token: stored as one its coordinator would add by hand
 * (source 'api'), with the same audit entry, so that coordinators see where every row came from.
 */
final class HandedIn {
    private final Database database;
    private final ByHand byHand;
    private final Audit audit;

    HandedIn(Database database, ByHand byHand, Audit audit) {
        this.database = database;
        this.byHand = byHand;
        this.audit = audit;
    }

    /** The new signature's id, or empty when its address has already signed the petition. */
    CompletableFuture<Optional<Long>> add(Coordinator holder, Petition petition, NewSignature s, Locale locale, boolean sendConfirmation) {
        return database.writer().submit(h -> {
            Optional<Long> id = byHand.add(h, petition, s, ByHand.Source.API, null, sendConfirmation, locale);
            id.ifPresent(added -> audit.record(h, holder.id(), holder.email(), "add_signature", petition.path() + "#" + added,
                    (s.organisation() != null ? s.organisation() : s.firstName() + " " + s.lastName()) + " (API"
                            + (sendConfirmation ? ", confirmation mailed)" : ")")));
            return id;
        });
    }
}
