package org.undersigned;

import org.undersigned.db.Snapshot;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * java -jar undersigned.jar backup FILE: a consistent copy of the live database, taken with
 * SQLite's VACUUM INTO inside one read transaction, so the server keeps running and writing.
 */
final class Backup {
    private Backup() {}

    static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].startsWith("-")) {
            err.println("backup needs the file to write: java -jar undersigned.jar backup FILE");
            return 2;
        }
        Path target = Path.of(args[1]).toAbsolutePath();
        if (Files.exists(target)) {
            err.println("Not written: " + target + " already exists; choose a new file name.");
            return 1;
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            err.println("Not written: the folder " + target.getParent() + " does not exist.");
            return 1;
        }
        try (Connection connection = DriverManager.getConnection(config.databaseUrl())) {
            Snapshot.write(connection, target);
        } catch (SQLException e) {
            err.println("Backup failed: " + e.getMessage());
            return 1;
        }
        out.println("Backup written to " + target);
        return 0;
    }
}
