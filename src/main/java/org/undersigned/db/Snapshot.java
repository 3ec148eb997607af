package org.undersigned.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A consistent copy of the live database with SQLite's VACUUM INTO: one read transaction, so
 * writers carry on and the copy holds every commit up to one moment (each sign-on with its mail).
 */
public final class Snapshot {
    private Snapshot() {}

    public static void write(Connection connection, Path target) throws SQLException {
        try (Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA busy_timeout = 10000");
        }
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        }
    }
}
