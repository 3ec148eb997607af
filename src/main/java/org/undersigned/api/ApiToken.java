package org.undersigned.api;

/** A token as its coordinator's list shows it: never the secret itself, which only its hash stands for. */
public record ApiToken(long id, String name, Scope scope, long createdAt, Long lastUsedAt, Long revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
