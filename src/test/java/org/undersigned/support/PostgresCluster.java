package org.undersigned.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's packages for the tests' PostgreSQL pass: its own
 * data folder in /tmp, a free loopback port, stopped and deleted when the test JVM ends. Each test
 * gets a database of its own, copied from a template that is already migrated (a copy takes a few
 * milliseconds; migrating takes a second).
 *
 * <p>Durability is switched off (fsync, synchronous_commit): a crash of the test machine loses
 * nothing anyone needs, and the suite runs in half the time. The benchmark runs PostgreSQL as
 * shipped ({@link #startDurable()}).
 */
public final class PostgresCluster {
    static final String USER = "undersigned";
    private static final String TEMPLATE = "undersigned_template";
    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final boolean durable;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean templateReady;
    private final java.util.ArrayDeque<String> emptied = new java.util.ArrayDeque<>();

    private PostgresCluster(Path binaries, boolean durable) throws IOException, InterruptedException {
        this.binaries = binaries;
        this.durable = durable;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
        this.dataDir = Files.createTempDirectory("undersigned-pg-");
        this.port = freePort();
        if (asPostgresUser) run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
        run(List.of(binaries.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(), "-U", USER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"), true);
        run(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dataDir.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir + (durable ? "" : " -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB"), "start"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgresql-stop"));
    }

    /** Debian's newest installed server, or null when PostgreSQL is not installed. */
    static PostgresCluster startIfInstalled() {
        return start(false);
    }

    /**
     * For the benchmark: initdb's settings as Debian's packages ship them (fsync, synchronous_commit
     * and full_page_writes on, 128 MB of shared buffers, 100 connections), without SSL on loopback.
     *
     * @throws IllegalStateException when PostgreSQL is not installed
     */
    public static PostgresCluster startDurable() {
        PostgresCluster cluster = start(true);
        if (cluster == null) throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql)");
        return cluster;
    }

    private static PostgresCluster start(boolean durable) {
        Path binaries = installed();
        if (binaries == null) return null;
        try {
            return new PostgresCluster(binaries, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a PostgreSQL cluster from " + binaries, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path installed() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    int port() {
        return port;
    }

    /** The server's log. */
    public Path log() {
        return dataDir.resolve("server.log");
    }

    /** The process id of the server's postmaster, the parent of all its processes. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("data").resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database. */
    public synchronized String emptyDatabase() {
        String name = "test_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return url(name);
    }

    /**
     * A database with every migration applied and no rows, as a server that has started once
     * leaves it: one a finished test gave back, emptied, or else a new copy of the template.
     */
    synchronized String migratedDatabase() {
        if (!emptied.isEmpty()) return emptied.pop();
        if (!templateReady) {
            admin("DROP DATABASE IF EXISTS " + TEMPLATE);
            admin("CREATE DATABASE " + TEMPLATE);
            new org.undersigned.db.Database(url(TEMPLATE)).close();
            templateReady = true;
        }
        String name = "test_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url(name);
    }

    /**
     * A test is done with its database: emptied of every row (a tenth of the time a new copy
     * takes) for the next test, or dropped when something still holds it.
     */
    void giveBack(String url) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '5s'");
            statement.execute("""
                    DO $$ BEGIN
                        EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' RESTART IDENTITY CASCADE'
                                 FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history');
                    END $$""");
        } catch (SQLException e) {
            admin("DROP DATABASE IF EXISTS " + name(url) + " WITH (FORCE)");
            return;
        }
        synchronized (this) {
            emptied.push(url);
        }
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    /** Drops a database, closing whatever connections are still open to it. */
    public void drop(String url) {
        admin("DROP DATABASE IF EXISTS " + name(url) + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres")); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate", "stop"), true);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL cluster in " + dataDir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it eventually
        }
    }

    /** Runs a command to its end; PostgreSQL's own tools refuse to run as root, so they run as the postgres user then. */
    private void run(List<String> command, boolean postgresTool) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (postgresTool && asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(dataDir.resolve("commands.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + Files.readString(dataDir.resolve("commands.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
