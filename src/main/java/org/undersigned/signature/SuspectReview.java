package org.undersigned.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;

/**
 * Suspect sign-ons: coordinators release one (it gets its confirmation mail now) or discard it,
 * and a group held by the rate limit is released by itself once its source goes quiet.
 *
 * <p>The rate limit holds an office, a workshop or a phone network behind one address as it holds
 * a flood. What tells them apart is what comes after: people stop, a script stops once it is done
 * or goes on. So a source's held sign-ons on a petition are released (each gets its confirmation
 * mail, and counts only once confirmed) when that source has signed nothing on that petition for
 * {@link #QUIET} (repeat sign-ons included), if it holds at most {@link #GROUP_LIMIT} of them; a larger group, and anything the
 * honeypot caught, waits for a coordinator. The signer's page said from the start that the mail
 * may be delayed, as it says to everyone, so a script learns nothing from it.
 */
public final class SuspectReview {
    static final Duration QUIET = Duration.ofMinutes(30);
    static final int GROUP_LIMIT = 50;
    private static final String QUIET_GROUPS = """
            SELECT g.petition_id, g.client_hash FROM (
                SELECT s.petition_id, s.client_hash, COUNT(*) AS held
                FROM petitions p JOIN signatures s ON s.petition_id = p.id AND s.state = 'suspect'
                WHERE s.suspect = 'rate' AND s.status = 'pending' AND s.client_hash IS NOT NULL
                GROUP BY s.petition_id, s.client_hash) AS g
            WHERE g.held <= :limit
              AND NOT EXISTS (SELECT 1 FROM signatures r
                              WHERE r.petition_id = g.petition_id AND r.client_hash = g.client_hash AND r.created_at > :quietSince)
              AND NOT EXISTS (SELECT 1 FROM sign_on_repeats r
                              WHERE r.petition_id = g.petition_id AND r.client_hash = g.client_hash AND r.created_at > :quietSince)""";
    private static final String HELD_OF_GROUP = """
            SELECT id FROM signatures
            WHERE petition_id = :petition AND client_hash = :client AND suspect = 'rate' AND status = 'pending'
              AND NOT EXISTS (SELECT 1 FROM signatures r
                              WHERE r.petition_id = :petition AND r.client_hash = :client AND r.created_at > :quietSince)
              AND NOT EXISTS (SELECT 1 FROM sign_on_repeats r
                              WHERE r.petition_id = :petition AND r.client_hash = :client AND r.created_at > :quietSince)
            ORDER BY id""";
    private final Database database;
    private final SignerMail mails;
    private final SignatureWrites writes;
    private final Clock clock;

    SuspectReview(Database database, SignerMail mails, SignatureWrites writes, Clock clock) {
        this.database = database;
        this.mails = mails;
        this.writes = writes;
        this.clock = clock;
    }

    private record Group(long petitionId, String clientHash) {}

    /** Releases the groups held by the rate limit whose source has gone quiet; returns how many sign-ons it released. */
    int releaseQuiet() {
        long quietSince = clock.millis() - QUIET.toMillis();
        List<Group> groups = database.reads().withHandle(h -> h.createQuery(QUIET_GROUPS)
                .bind("limit", GROUP_LIMIT).bind("quietSince", quietSince)
                .map((row, ctx) -> new Group(row.getLong("petition_id"), row.getString("client_hash"))).list());
        int released = 0;
        for (Group group : groups) {
            released += database.writer().write(h -> {
                Petition petition = Petitions.byId(h, group.petitionId()).orElse(null);
                if (petition == null) return 0;
                List<Long> held = h.createQuery(HELD_OF_GROUP).bind("petition", group.petitionId()).bind("client", group.clientHash())
                        .bind("quietSince", quietSince).mapTo(Long.class).list();
                int done = 0;
                for (long id : held) if (release(h, petition, id)) done++;
                return done;
            });
        }
        return released;
    }

    /**
     * Forgets what only the limits and the alerts read: repeat sign-ons older than the limits' hour,
     * and counts of dropped sign-ons older than a day. Returns the rows deleted.
     */
    int forgetCounts() {
        long now = clock.millis();
        return database.writer().write(h -> h.execute("DELETE FROM sign_on_repeats WHERE created_at <= ?", now - Duration.ofHours(1).toMillis())
                + h.execute("DELETE FROM dropped_sign_ons WHERE minute < ?", (now - Duration.ofDays(1).toMillis()) / 60_000));
    }

    /** Inside the caller's write; true if the sign-on was suspect and is now an ordinary pending one. */
    public boolean release(Handle h, Petition petition, long signatureId) {
        int changed = h.execute("UPDATE signatures SET suspect = NULL WHERE id = ? AND petition_id = ? AND suspect IS NOT NULL AND status = 'pending'",
                signatureId, petition.id());
        if (changed == 0) return false;
        Signature signature = h.attach(SignatureDao.class).byId(signatureId).orElseThrow();
        mails.confirmation(h, Petitions.in(h, petition, signature.textLang()), signatureId, signature.email(), signature.greetingName(), signature.organisation(),
                Locale.forLanguageTag(signature.locale()), "confirm");
        writes.countMail(signatureId, SignOn.MAX_MAILS);
        return true;
    }

    /** Inside the caller's transaction; true if a suspect sign-on was deleted. */
    public boolean discard(Handle h, Petition petition, long signatureId) {
        return h.execute("DELETE FROM signatures WHERE id = ? AND petition_id = ? AND suspect IS NOT NULL", signatureId, petition.id()) == 1;
    }
}
