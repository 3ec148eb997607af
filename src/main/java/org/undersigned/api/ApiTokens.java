package org.undersigned.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.coordinator.Coordinators;
import org.undersigned.db.Database;
import org.undersigned.tokens.Tokens;

/**
 * Coordinators' API tokens: made once and shown once, stored as their SHA-256 only, revoked for
 * good. A token carries a prefix so that secret scanners (GitHub's, trufflehog) can tell a leaked
 * one; the 256 random bits after it are what protects it.
 */
public final class ApiTokens {
    static final String PREFIX = "usk_";
    /** Long enough for a prefix and 43 characters of base64; anything longer is no token of ours and is not hashed. */
    private static final int MAX_LENGTH = 100;
    /** How stale a token's last-used time may get: one write a minute per busy token, not one per request. */
    private static final long TOUCH_EVERY_MILLIS = 60_000;
    private final Database database;
    private final Audit audit;
    private final Clock clock;
    private final Tokens tokens = new Tokens();

    public ApiTokens(Database database, Audit audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token for this coordinator; the returned secret exists nowhere else. */
    String create(Coordinator me, String name, Scope scope) {
        String secret = PREFIX + tokens.next();
        database.writer().run(h -> {
            long id = h.createQuery("""
                            INSERT INTO api_tokens (token_hash, coordinator_id, name, scope, created_at)
                            VALUES (:hash, :coordinator, :name, :scope, :now)
                            RETURNING id""")
                    .bind("hash", Tokens.hash(secret)).bind("coordinator", me.id()).bind("name", name)
                    .bind("scope", scope.code()).bind("now", clock.millis())
                    .mapTo(Long.class).one();
            audit.record(h, me.id(), me.email(), "token_create", "#" + id + " " + name, scope.code());
        });
        return secret;
    }

    /** The coordinator's own tokens, newest first, revoked ones included (struck through in the list). */
    List<ApiToken> of(Coordinator me) {
        return database.reads().withHandle(h -> h.createQuery("""
                        SELECT id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens
                        WHERE coordinator_id = :coordinator ORDER BY id DESC""")
                .bind("coordinator", me.id())
                .map((rs, c) -> new ApiToken(rs.getLong("id"), rs.getString("name"), Scope.of(rs.getString("scope")).orElseThrow(),
                        rs.getLong("created_at"), nullable(rs, "last_used_at"), nullable(rs, "revoked_at")))
                .list());
    }

    /** Revokes one of the coordinator's own live tokens; false when there is none by that id. */
    boolean revoke(Coordinator me, long id) {
        return database.writer().write(h -> {
            Optional<String> name = h.createQuery("""
                            UPDATE api_tokens SET revoked_at = :now
                            WHERE id = :id AND coordinator_id = :coordinator AND revoked_at IS NULL
                            RETURNING name""")
                    .bind("now", clock.millis()).bind("id", id).bind("coordinator", me.id())
                    .mapTo(String.class).findOne();
            name.ifPresent(n -> audit.record(h, me.id(), me.email(), "token_revoke", "#" + id + " " + n, ""));
            return name.isPresent();
        });
    }

    /**
     * Who the {@code Authorization: Bearer} value speaks for, if it is a live token of a coordinator
     * who still exists. Its last-used time moves when it is a minute old.
     */
    Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_LENGTH) return Optional.empty();
        String hash = Tokens.hash(secret);
        record Row(long id, long coordinatorId, Scope scope, Long lastUsedAt) {}
        Optional<Row> row = database.reads().withHandle(h -> h.createQuery("""
                        SELECT id, coordinator_id, scope, last_used_at FROM api_tokens
                        WHERE token_hash = :hash AND revoked_at IS NULL""")
                .bind("hash", hash)
                .map((rs, c) -> new Row(rs.getLong("id"), rs.getLong("coordinator_id"), Scope.of(rs.getString("scope")).orElseThrow(),
                        nullable(rs, "last_used_at")))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        Optional<Coordinator> coordinator = database.reads().withHandle(h -> Coordinators.byId(h, row.get().coordinatorId()));
        if (coordinator.isEmpty()) return Optional.empty();
        long now = clock.millis();
        Long last = row.get().lastUsedAt();
        if (last == null || now - last >= TOUCH_EVERY_MILLIS) {
            // conditional, so that instances racing on the same minute write it once
            database.writer().run(h -> h.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND "
                    + "(last_used_at IS NULL OR last_used_at <= ?)", now, row.get().id(), now - TOUCH_EVERY_MILLIS));
        }
        return Optional.of(new Bearer(row.get().id(), row.get().scope(), coordinator.get()));
    }

    private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
