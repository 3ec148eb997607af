package org.undersigned.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import javax.sql.DataSource;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: migrations, a {@link Jdbi} for reads (a connection each), and the {@link Writer}
 * through which every write goes. SQLite (the default) or PostgreSQL, chosen by the URL.
 *
 * <p>On SQLite, synchronous=FULL: in WAL mode every commit is fsynced before it returns, so a
 * sign-on that got its success page survives a crash or power loss (NORMAL could lose the last
 * commits). One thread group-commits every write. On PostgreSQL, a pool of connections serves
 * reads and short write transactions, for several instances on one database.
 */
public final class Database implements AutoCloseable {
    private static final int READ_CONNECTIONS = 8;
    /** PostgreSQL connections per instance for writes: enough to keep its group commit busy, few enough for several instances. */
    private static final int WRITE_CONNECTIONS = 12;
    /**
     * The writer checkpoints itself once the write-ahead log holds this many pages (16 MB; SQLite's
     * default is 1,000). {@link Checkpointer} has copied nearly all of them by then, so the writer
     * copies only the last few, and the log starts again from its beginning.
     */
    static final int WRITER_CHECKPOINT_PAGES = 4000;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final Writer writer;
    /** SQLite only. */
    private final Checkpointer checkpointer;
    private final boolean createdNow;
    private final HikariDataSource readPool;
    /** PostgreSQL only: the writes' own pool, so that reads never wait behind a burst of sign-ons. */
    private final HikariDataSource writePool;
    private final DataSource dataSource;

    /** A database whose URL carries any credentials it needs. */
    public Database(String jdbcUrl) {
        this(jdbcUrl, null, null);
    }

    /**
     * Opens the database and brings its schema up to date.
     *
     * @throws Unreachable when a PostgreSQL server cannot be reached or refuses the login
     */
    public Database(String jdbcUrl, String user, String password) {
        this.dialect = Dialect.of(jdbcUrl);
        if (dialect == null) throw new IllegalArgumentException("not a jdbc:sqlite: or jdbc:postgresql: URL: " + jdbcUrl);
        if (dialect == Dialect.POSTGRESQL) {
            PGSimpleDataSource server = new PGSimpleDataSource();
            server.setUrl(jdbcUrl);
            if (user != null) server.setUser(user);
            if (password != null) server.setPassword(password);
            server.setConnectTimeout(10);
            server.setApplicationName("undersigned");
            server.setReWriteBatchedInserts(true); // a transaction's batched rows (Writer.batch) as multi-row inserts
            this.dataSource = server;
            this.createdNow = migrate(server);
            this.readPool = pool(server, "postgresql-reads", READ_CONNECTIONS);
            this.writePool = pool(server, "postgresql-writes", WRITE_CONNECTIONS);
            this.jdbi = Jdbi.create(readPool).installPlugin(new SqlObjectPlugin());
            this.writer = new PooledWriter(writePool, Jdbi.create(writePool).installPlugin(new SqlObjectPlugin()));
            this.checkpointer = null;
            return;
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(sqliteConfig());
        sqlite.setUrl(jdbcUrl);
        prepareFolder(jdbcUrl);
        this.dataSource = sqlite;
        this.createdNow = migrate(sqlite);
        this.readPool = pool(sqlite, "sqlite-reads", READ_CONNECTIONS);
        this.writePool = null;
        this.jdbi = Jdbi.create(readPool).installPlugin(new SqlObjectPlugin());
        Checkpointer started = null;
        try {
            started = new Checkpointer(sqlite.getConnection());
            this.writer = new GroupCommitWriter(Jdbi.create(writerSource(jdbcUrl)).installPlugin(new SqlObjectPlugin()).open(), started::committed);
        } catch (RuntimeException | java.sql.SQLException e) {
            if (started != null) started.close();
            readPool.close();
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot open the database " + jdbcUrl + " for checkpoints", e);
        }
        this.checkpointer = started;
    }

    /** A database server that cannot be reached, or that refuses us: said in one line, without a stack trace. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Brings the schema up to date; true when the database was empty before (demo content is seeded
     * then). On PostgreSQL, Flyway holds a lock meanwhile, so instances starting together migrate once.
     */
    private boolean migrate(DataSource source) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(source)
                    .locations(dialect.migrationLocations())
                    .load()
                    .migrate();
            return result.initialSchemaVersion == null;
        } catch (FlywayException e) {
            if (dialect == Dialect.POSTGRESQL) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof java.sql.SQLException sql && cannotConnect(sql.getSQLState())) throw new Unreachable(sql.getMessage(), e);
                }
            }
            throw e;
        }
    }

    /** Connection failures (08), refused logins (28) and a database that does not exist (3D000). */
    private static boolean cannotConnect(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.equals("3D000"));
    }

    private static HikariDataSource pool(DataSource source, String name, int size) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(source);
        pool.setPoolName(name);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(2);
        pool.setConnectionTimeout(10_000);
        return new HikariDataSource(pool);
    }

    /**
     * The writer runs each piece of work in a savepoint, whose journal of the pages it changes is a
     * temporary file by default: a write system call for every page a sign-on touches. Kept in
     * memory it costs none (the pieces are small), and the writer's time per sign-on bounds the
     * sign-ons per second.
     *
     * <p>The driver also fetches the generated key after every INSERT by default: it matches the
     * SQL against a pattern and compiles and runs {@code SELECT last_insert_rowid()}, two of them
     * per sign-on. Inserts that need their id say {@code RETURNING id} instead.
     *
     * <p>Its own automatic checkpoint waits for {@link #WRITER_CHECKPOINT_PAGES}; {@link Checkpointer}
     * does the copying before that.
     */
    private static SQLiteDataSource writerSource(String jdbcUrl) {
        SQLiteConfig config = sqliteConfig();
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setGetGeneratedKeys(false);
        config.setWalAutocheckpoint(WRITER_CHECKPOINT_PAGES);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(jdbcUrl);
        return source;
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        return config;
    }

    /** SQLite makes the file, not the folder it goes in. */
    private static void prepareFolder(String jdbcUrl) {
        Path path = sqliteFile(jdbcUrl);
        if (path == null) return;
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare database folder for " + path, e);
        }
    }

    /** The file a jdbc:sqlite: URL names, or null for a database in memory (or a URL of another kind). */
    public static Path sqliteFile(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.SQLITE) return null;
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")) return null;
        return Path.of(file.startsWith("file:") ? file.substring(5) : file);
    }

    /**
     * The newest migration applied, as its file names it ("025" for V025__...). Read from Flyway's own table rather
     * than from the migrations in this jar: a database that a newer version has migrated is ahead.
     */
    public String schemaVersion() {
        List<String> applied = jdbi.withHandle(h -> h.createQuery("""
                        SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL""")
                .mapTo(String.class).list());
        return applied.stream().map(MigrationVersion::fromVersion).max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion).orElse("none");
    }

    /** Whether this start found the database empty and made its tables (demo content is seeded then). */
    public boolean createdNow() {
        return createdNow;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** For reads: each handle is its own connection and never waits for the writer (WAL on SQLite). */
    public Jdbi reads() {
        return jdbi;
    }

    public Writer writer() {
        return writer;
    }

    /** Pages in SQLite's write-ahead log when it was last checkpointed: near zero after a restart of the log; 0 on PostgreSQL. */
    public long walPages() {
        return checkpointer == null ? 0 : checkpointer.logPages();
    }

    /**
     * A connection of the caller's own, outside the pool, for one query asked so often that it
     * keeps its statement prepared; the caller closes it, before this database closes.
     */
    public java.sql.Connection openConnection() {
        try {
            return dataSource.getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot open a connection to the database", e);
        }
    }

    public boolean answers() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        if (checkpointer != null) checkpointer.close();
        readPool.close();
        if (writePool != null) writePool.close();
    }
}
