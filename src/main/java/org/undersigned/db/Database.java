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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: migrations, a {@link Jdbi} for reads (a connection each), and the one
 * {@link Writer} through which every write goes.
 *
 * <p>synchronous=FULL: in WAL mode every commit is fsynced before it returns, so a sign-on that
 * got its success page survives a crash or power loss (NORMAL could lose the last commits).
 */
public final class Database implements AutoCloseable {
    private static final int READ_CONNECTIONS = 8;
    /**
     * The writer checkpoints itself once the write-ahead log holds this many pages (16 MB; SQLite's
     * default is 1,000). {@link Checkpointer} has copied nearly all of them by then, so the writer
     * copies only the last few, and the log starts again from its beginning.
     */
    static final int WRITER_CHECKPOINT_PAGES = 4000;
    private final Jdbi jdbi;
    private final Writer writer;
    private final Checkpointer checkpointer;
    private final boolean createdNow;
    private final HikariDataSource readPool;
    private final SQLiteDataSource dataSource;

    public Database(String jdbcUrl) {
        this.createdNow = isNew(jdbcUrl);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqliteConfig());
        dataSource.setUrl(jdbcUrl);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.dataSource = dataSource;
        this.readPool = readPool(dataSource);
        this.jdbi = Jdbi.create(readPool).installPlugin(new SqlObjectPlugin());
        Checkpointer started = null;
        try {
            started = new Checkpointer(dataSource.getConnection());
            this.writer = new Writer(Jdbi.create(writerSource(jdbcUrl)).installPlugin(new SqlObjectPlugin()).open(), started::committed);
        } catch (RuntimeException | java.sql.SQLException e) {
            if (started != null) started.close();
            readPool.close();
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot open the database " + jdbcUrl + " for checkpoints", e);
        }
        this.checkpointer = started;
    }

    /** Readers share a few open connections; in WAL mode they never wait for the writer. */
    private static HikariDataSource readPool(SQLiteDataSource dataSource) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setPoolName("sqlite-reads");
        pool.setMaximumPoolSize(READ_CONNECTIONS);
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

    private static boolean isNew(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")) return true;
        Path path = Path.of(file.startsWith("file:") ? file.substring(5) : file);
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            return !Files.exists(path) || Files.size(path) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare database folder for " + path, e);
        }
    }

    /** Whether this start created the database file (demo content is seeded then). */
    public boolean createdNow() {
        return createdNow;
    }

    /** For reads: each handle is its own connection and never waits for the writer (WAL). */
    public Jdbi reads() {
        return jdbi;
    }

    public Writer writer() {
        return writer;
    }

    /** Pages in the write-ahead log when it was last checkpointed: near zero after a restart of the log. */
    public long walPages() {
        return checkpointer.logPages();
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
        checkpointer.close();
        readPool.close();
    }
}
