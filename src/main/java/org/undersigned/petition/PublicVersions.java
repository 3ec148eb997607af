package org.undersigned.petition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Each petition's public_version (see V010), or -1 when there is no such petition. Every public
 * page and every sign-on asks this, so it runs on a connection of its own with the statement kept
 * prepared: exact (edits made outside the server show at once) and far cheaper than a pooled read.
 */
final class PublicVersions implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement query;

    PublicVersions(Connection connection) {
        this.connection = connection;
        try {
            this.query = connection.prepareStatement("SELECT public_version FROM petitions WHERE kind = ? AND slug = ?");
        } catch (SQLException e) {
            closeQuietly();
            throw new IllegalStateException("cannot prepare the query of public versions", e);
        }
    }

    synchronized long of(Kind kind, String slug) {
        try {
            query.setString(1, kind.code());
            query.setString(2, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong("public_version") : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version of " + kind + " " + slug, e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown; nothing left to do with it
        }
    }
}
