package org.undersigned;

import org.undersigned.db.Dialect;
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
 * PostgreSQL has its own tool for that, pg_dump, which this does not replace.
 */
final class Backup {
    static final String POSTGRESQL = """
            Not written: this database is PostgreSQL, which is backed up with its own tool, pg_dump
            (or the backups of the service that hosts it), while every instance keeps running:
              pg_dump --format=custom --file=FILE --host=HOST --port=PORT --username=USER DATABASE
            and restored into an empty database with pg_restore --dbname=DATABASE FILE.""";

    private Backup() {}

    static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        if (Dialect.of(config.databaseUrl()) == Dialect.POSTGRESQL) {
            err.println(POSTGRESQL);
            return 1;
        }
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
