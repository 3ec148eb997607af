package org.undersigned.petition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Each petition's public_version (see V010), or -1 when there is no such petition. Every public
 * page and every sign-on asks this, so it runs on a connection of its own with the statement kept
 * prepared: exact (edits made outside the server, or by another instance, show at once) and far
 * cheaper than a pooled read. A PostgreSQL server that restarted or failed over has closed that
 * connection: it is opened again, once, before the question fails. Over the network each answer
 * takes a round trip, so on PostgreSQL a few such connections share the requests
 * ({@link Lanes}).
 */
final class PublicVersions implements AutoCloseable {
    private static final String QUERY = "SELECT public_version FROM petitions WHERE kind = ? AND slug = ?";
    private final Supplier<Connection> connect;
    private Connection connection;
    private PreparedStatement query;

    PublicVersions(Supplier<Connection> connect) {
        this.connect = connect;
        open();
    }

    /** Several connections, each with its query; a request thread always asks the same one. */
    static final class Lanes implements AutoCloseable {
        private final PublicVersions[] lanes;

        Lanes(Supplier<Connection> connect, int count) {
            lanes = new PublicVersions[count];
            try {
                for (int i = 0; i < count; i++) lanes[i] = new PublicVersions(connect);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        long of(Kind kind, String slug) {
            return lanes[(int) (Thread.currentThread().getId() % lanes.length)].of(kind, slug);
        }

        @Override
        public void close() {
            for (PublicVersions lane : lanes) if (lane != null) lane.close();
        }
    }

    synchronized long of(Kind kind, String slug) {
        try {
            return ask(kind, slug);
        } catch (SQLException first) {
            closeQuietly();
            open();
            try {
                return ask(kind, slug);
            } catch (SQLException e) {
                e.addSuppressed(first);
                throw new IllegalStateException("cannot read the version of " + kind + " " + slug, e);
            }
        }
    }

    private long ask(Kind kind, String slug) throws SQLException {
        query.setString(1, kind.code());
        query.setString(2, slug);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong("public_version") : -1;
        }
    }

    private void open() {
        connection = connect.get();
        try {
            query = connection.prepareStatement(QUERY);
        } catch (SQLException e) {
            closeQuietly();
            throw new IllegalStateException("cannot prepare the query of public versions", e);
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
            // closing at shutdown, or a connection already broken; nothing left to do with it
        }
    }
}
