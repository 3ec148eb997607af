package org.undersigned.coordinator;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.tokens.Tokens;

/**
 * Coordinator sessions, kept in the database so they survive a restart and serve several
 * instances. 256-bit random ids (only their hash is stored), a new id at every login, idle and
 * absolute timeouts, and a cookie that scripts cannot read.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final long TOUCH_EVERY_MILLIS = 60_000;

    /** awaitingCode: the password was right, the second factor is still to come; such a session opens only the code's page. */
    record Session(String idHash, Coordinator coordinator, String csrfToken, boolean awaitingCode) {}

    private record Row(long coordinatorId, String csrfToken, long createdAt, long lastSeenAt, boolean awaitingCode) {}

    private final Database database;
    private final Tokens tokens;
    private final Clock clock;
    private final boolean https;

    Sessions(Database database, Tokens tokens, Clock clock, boolean https) {
        this.database = database;
        this.tokens = tokens;
        this.clock = clock;
        this.https = https;
    }

    String cookieName() {
        return https ? "__Host-undersigned" : "undersigned_session";
    }

    /** The session id the browser sent, if any. */
    String idFrom(Context ctx) {
        return ctx.cookie(cookieName());
    }

    /** Sends the browser the cookie of a session {@link #start} began. */
    void sendCookie(Context ctx, String id) {
        ctx.cookie(cookie(id, -1));
    }

    /**
     * Starts a session in the caller's transaction and returns its id, for {@link #sendCookie}; the
     * session the browser had before (previousId, may be null) is ended.
     */
    String start(Handle h, String previousId, long coordinatorId) {
        return start(h, previousId, coordinatorId, false);
    }

    /** As {@link #start(Handle, String, long)}, for a session that waits for the second factor when awaitingCode. */
    String start(Handle h, String previousId, long coordinatorId, boolean awaitingCode) {
        if (previousId != null) h.execute("DELETE FROM sessions WHERE id_hash = ?", Tokens.hash(previousId));
        String id = tokens.next();
        long now = clock.millis();
        h.createUpdate("""
                        INSERT INTO sessions (id_hash, coordinator_id, csrf_token, created_at, last_seen_at, awaiting_code)
                        VALUES (:idHash, :coordinatorId, :csrf, :now, :now, :awaiting)""")
                .bind("idHash", Tokens.hash(id)).bind("coordinatorId", coordinatorId).bind("awaiting", awaitingCode ? 1 : 0)
                .bind("csrf", tokens.next()).bind("now", now).execute();
        return id;
    }

    /** The live session of this request, if any; an expired one is deleted on sight. */
    Optional<Session> current(Context ctx) {
        String id = ctx.cookie(cookieName());
        if (id == null || id.length() > 100) return Optional.empty();
        String idHash = Tokens.hash(id);
        Optional<Row> row = database.reads().withHandle(h -> h.createQuery(
                        "SELECT coordinator_id, csrf_token, created_at, last_seen_at, awaiting_code FROM sessions WHERE id_hash = :h")
                .bind("h", idHash).map((rs, c) -> new Row(rs.getLong("coordinator_id"), rs.getString("csrf_token"),
                        rs.getLong("created_at"), rs.getLong("last_seen_at"), rs.getInt("awaiting_code") != 0))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        long now = clock.millis();
        if (now - row.get().lastSeenAt() > IDLE.toMillis() || now - row.get().createdAt() > ABSOLUTE.toMillis()) {
            end(idHash);
            return Optional.empty();
        }
        if (now - row.get().lastSeenAt() > TOUCH_EVERY_MILLIS) {
            database.writer().run(h -> h.execute("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", now, idHash));
        }
        Optional<Coordinator> coordinator = database.reads().withExtension(CoordinatorDao.class, d -> d.byId(row.get().coordinatorId()));
        return coordinator.map(c -> new Session(idHash, c, row.get().csrfToken(), row.get().awaitingCode()));
    }

    /** Ends the session in the database; the caller's answer clears the cookie with {@link #clearCookie}. */
    void end(Session session) {
        end(session.idHash());
    }

    /** In the caller's transaction: ends every session of the coordinator but the one whose id hashes to keptIdHash (may be null). */
    static int endAllOf(Handle h, long coordinatorId, String keptIdHash) {
        return h.execute("DELETE FROM sessions WHERE coordinator_id = ? AND id_hash <> ?", coordinatorId, keptIdHash == null ? "" : keptIdHash);
    }

    void clearCookie(Context ctx) {
        ctx.cookie(cookie("", 0));
    }

    private void end(String idHash) {
        database.writer().run(h -> h.execute("DELETE FROM sessions WHERE id_hash = ?", idHash));
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie cookie = new Cookie(cookieName(), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(https);
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(maxAge);
        return cookie;
    }
}
