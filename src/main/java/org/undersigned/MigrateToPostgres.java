package org.undersigned;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.postgresql.ds.PGSimpleDataSource;
import org.undersigned.copy.CopyRefused;
import org.undersigned.copy.SqliteToPostgres;
import org.undersigned.copy.TableCheck;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;

/**
 * java -jar undersigned.jar migrate-to-postgres TARGET_URL: copies the SQLite database that
 * DATABASE_URL names into an empty PostgreSQL database, and shows that each table arrived whole.
 * The login to the target comes from DATABASE_USER and DATABASE_PASSWORD, or from TARGET_URL.
 * Exit codes: 0 copied and matching, 1 refused or failed (nothing kept), 2 a wrong command line.
 */
final class MigrateToPostgres {
    private static final String TARGET = "jdbc:postgresql://HOST:PORT/DATABASE";
    private static final String COMMAND = "java -jar undersigned.jar migrate-to-postgres " + TARGET;
    /** Of a SHA-256's 64 hex digits, those shown in the report; all of them are compared. */
    private static final int SHOWN_DIGITS = 16;

    private MigrateToPostgres() {}

    static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].startsWith("-")) {
            err.println("migrate-to-postgres needs the database to copy into: " + COMMAND);
            return 2;
        }
        String sourceUrl = config.databaseUrl();
        String targetUrl = args[1];
        if (Dialect.of(sourceUrl) != Dialect.SQLITE) {
            err.println("Not copied: DATABASE_URL names the database to copy from, which must be SQLite (jdbc:sqlite:FILE); it is "
                    + shown(sourceUrl) + ".");
            return 1;
        }
        if (Dialect.of(targetUrl) != Dialect.POSTGRESQL) {
            err.println("Not copied: the database to copy into must be PostgreSQL (" + TARGET + "), not " + shown(targetUrl) + ".");
            return 2;
        }
        // opening a missing file would make a new, empty database, and copy nothing as if that were right
        Path file = Database.sqliteFile(sourceUrl);
        if (file == null || !Files.isRegularFile(file)) {
            err.println("Not copied: DATABASE_URL names " + (file == null ? sourceUrl + ", a database in memory"
                    : file.toAbsolutePath() + (Files.exists(file) ? ", which is not a file" : ", which does not exist")) + ".");
            return 1;
        }
        return copy(file, sourceUrl, targetUrl, config.storage(), out, err);
    }

    private static int copy(Path file, String sourceUrl, String targetUrl, Config.Storage login, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        try {
            // before the target is migrated: a database in use is left exactly as it was
            try (Connection target = connect(targetUrl, login)) {
                SqliteToPostgres.checkEmpty(target);
            } catch (SQLException e) {
                err.println("Not copied: cannot use " + shown(targetUrl) + ": " + e.getMessage());
                return 1;
            }
            try (Database source = new Database(sourceUrl); Database target = new Database(targetUrl, login.user(), login.password())) {
                String version = source.schemaVersion();
                if (!version.equals(target.schemaVersion())) {
                    err.println("Not copied: the source is at schema version " + version + " and the target at " + target.schemaVersion()
                            + "; run this with the version of undersigned that last served the source.");
                    return 1;
                }
                out.println("Copying " + file.toAbsolutePath() + " (schema version " + version + ") into " + shown(targetUrl));
                SqliteToPostgres.Result result;
                try (Connection from = source.openConnection(); Connection to = connect(targetUrl, login)) {
                    result = new SqliteToPostgres(from, to).run();
                }
                report(result, out);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (result.committed()) {
                    out.printf(Locale.ROOT, "All %d tables match: %,d rows copied in %.1f s.%n", result.tables().size(), result.rows(), seconds);
                    out.println("Set DATABASE_URL to the PostgreSQL database and start the server.");
                    return 0;
                }
                List<String> differ = result.tables().stream().filter(t -> !t.matches()).map(TableCheck::table).toList();
                err.println("Not copied: " + (differ.size() == 1 ? "the table " + differ.get(0) + " differs" : "the tables " + String.join(", ", differ) + " differ")
                        + " between the two databases. Nothing was kept: the target is as empty as it was.");
                return 1;
            }
        } catch (CopyRefused e) {
            err.println("Not copied: " + e.getMessage());
            return 1;
        } catch (Database.Unreachable e) {
            err.println("Not copied: cannot connect to " + shown(targetUrl) + ": " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println("Not copied, and nothing was kept: " + deepest(e).getMessage());
            return 1;
        }
    }

    private static Connection connect(String url, Config.Storage login) throws SQLException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(url);
        if (login.user() != null) server.setUser(login.user());
        if (login.password() != null) server.setPassword(login.password());
        server.setConnectTimeout(10);
        server.setApplicationName("undersigned migrate-to-postgres");
        // the driver sends a batch of single-row INSERTs as INSERTs of up to 128 rows each: PostgreSQL
        // spent half the CPU time on 150,000 rows (4.9 s instead of 10.9 s, migrating included)
        server.setReWriteBatchedInserts(true);
        return server.getConnection();
    }

    private static void report(SqliteToPostgres.Result result, PrintStream out) {
        int width = Math.max("table".length(), result.tables().stream().mapToInt(t -> t.table().length()).max().orElse(0));
        String row = "%-" + width + "s  %11s  %11s  %s%n";
        out.println();
        out.printf(Locale.ROOT, row, "table", "source rows", "target rows", "sha-256 of the rows (first " + SHOWN_DIGITS + " digits)");
        for (TableCheck t : result.tables()) {
            String sum = t.matches() ? t.sourceSha256().substring(0, SHOWN_DIGITS) + "  same"
                    : t.sourceSha256().substring(0, SHOWN_DIGITS) + " / " + t.targetSha256().substring(0, SHOWN_DIGITS) + "  DIFFERS";
            out.printf(Locale.ROOT, row, t.table(), t.sourceRows(), t.targetRows(), sum);
        }
        out.println();
    }

    /** A URL without its query, where a password may be. */
    private static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** PostgreSQL reports a failed batch as "Batch entry 0 ... was aborted", with the reason (and no row values) chained after it. */
    private static SQLException deepest(SQLException e) {
        SQLException cause = e;
        while (cause.getNextException() != null) cause = cause.getNextException();
        return cause;
    }
}
