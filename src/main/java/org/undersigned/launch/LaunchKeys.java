package org.undersigned.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.Petitions;
import org.undersigned.petition.Published;

/**
 * The private link of a petition before its opening time: those holding its key read the page and
 * sign it, as the initiators a coordinator gathers before launch. One key per petition; a new key
 * replaces the old, whose links then lead nowhere. The key is kept readable (not hashed) because the
 * coordinator shows the same link again to each initiator over the weeks before launch; what it
 * opens (a text the initiators receive anyway, and its form) is worth less than the database.
 */
public final class LaunchKeys {
    /** The query and form parameter that carries the key. */
    public static final String PARAM = "key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database database;
    private final Petitions petitions;
    private final Audit audit;
    private final Clock clock;

    public LaunchKeys(Database database, Petitions petitions, Audit audit, Clock clock) {
        this.database = database;
        this.petitions = petitions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The petition as it will stand once open, when it is scheduled (open, its opening time still
     * to come) and this is its key; otherwise nothing, and the caller answers as without a key.
     * Drafts stay closed to every key: only a coordinator's decision to open makes a link work.
     */
    public Optional<Published> before(Kind kind, String slug, String key) {
        if (key == null || key.isEmpty()) return Optional.empty();
        Optional<Petition> stored = petitions.find(kind, slug);
        if (stored.isEmpty() || stored.get().at(clock.millis()).status() != PetitionStatus.SCHEDULED) return Optional.empty();
        String expected = keyOf(stored.get().id()).orElse(null);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return petitions.preview(kind, slug);
    }

    /** The petition's current key, if one was made. */
    public Optional<String> keyOf(long petitionId) {
        return database.reads().withHandle(h -> h.createQuery("SELECT launch_key FROM petitions WHERE id = :id")
                .bind("id", petitionId).mapTo(String.class).findOne());
    }

    /** A new key (192 random bits) in place of the old one, recorded in the audit trail. */
    public String renew(Coordinator me, Petition petition) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean replaced = keyOf(petition.id()).isPresent();
        database.writer().run(h -> {
            h.createUpdate("UPDATE petitions SET launch_key = :key WHERE id = :id").bind("key", key).bind("id", petition.id()).execute();
            audit.record(h, me.id(), me.email(), "launch_key", petition.path(), replaced ? "replaced" : "created");
        });
        return key;
    }
}
