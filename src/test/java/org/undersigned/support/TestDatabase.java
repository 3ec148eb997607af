package org.undersigned.support;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.undersigned.db.Dialect;

/**
 * The database a test runs on: a SQLite file in the test's folder, or, in the PostgreSQL pass
 * ({@code -Dundersigned.test.database=postgresql}, which {@code mvn verify} runs when PostgreSQL is
 * installed), a fresh database on a throwaway cluster. Without PostgreSQL that pass skips its
 * tests and says why, unless POSTGRES_TESTS=required (as in CI), which makes it fail instead.
 */
public final class TestDatabase {
    private static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("undersigned.test.database"));
    private static PostgresCluster cluster;
    private static boolean reported;

    private TestDatabase() {}

    public static boolean postgresql() {
        return POSTGRESQL;
    }

    /** A database with every migration applied (SQLite: the file, created on first open). */
    public static String url(Path sqliteFile) {
        return POSTGRESQL ? cluster().migratedDatabase() : "jdbc:sqlite:" + sqliteFile;
    }

    /** A PostgreSQL test database its test is done with goes back, emptied, for the next test. */
    public static void release(String url) {
        if (Dialect.of(url) == Dialect.POSTGRESQL && cluster != null) cluster.giveBack(url);
    }

    /** A side door for setting up and checking what was stored, outside the application. */
    public static Jdbi jdbi(String url) {
        if (Dialect.of(url) == Dialect.POSTGRESQL) return Jdbi.create(url);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(10_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(url);
        return Jdbi.create(dataSource);
    }

    private static synchronized PostgresCluster cluster() {
        if (cluster != null) return cluster;
        cluster = PostgresCluster.startIfInstalled();
        if (cluster == null) {
            String why = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the PostgreSQL pass is skipped."
                    + " Install Debian's postgresql package to run it.";
            if ("required".equals(System.getenv("POSTGRES_TESTS"))) throw new IllegalStateException(why + " POSTGRES_TESTS=required.");
            if (!reported) System.err.println("\n*** " + why + "\n");
            reported = true;
            Assumptions.abort(why);
        }
        return cluster;
    }
}
