package org.undersigned.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Copies every application table of a SQLite database into an empty PostgreSQL database at the
 * same schema version, then compares the two table by table (rows counted, and a SHA-256 of the
 * rows in primary-key order), and commits only when every table matches.
 *
 * <p>The source is read in one read transaction, so the copy is of one moment even if something
 * still writes to it; the target is written in one transaction, so a failed or refused copy leaves
 * it as empty as it was (its sequences aside, which PostgreSQL never rolls back, and which are moved
 * only once the comparison has passed). Rows are streamed and sent in JDBC batches: a table is never
 * held in memory.
 */
public final class SqliteToPostgres {
    /** Rows per JDBC batch, and per fetch when the target's rows are read back. */
    static final int BATCH = 2_000;
    private final Connection source;
    private final Connection target;

    /** Both connections are the caller's, to close; they are used in transactions of this class's own. */
    public SqliteToPostgres(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /** The outcome: every table compared, and whether the copy was kept (only when each matched). */
    public record Result(List<TableCheck> tables, boolean committed) {
        public long rows() {
            return tables.stream().mapToLong(TableCheck::targetRows).sum();
        }
    }

    /**
     * Refuses a target that holds any row in any table, or whose text is not UTF-8 (SQLite's is:
     * other encodings would refuse some characters, and order text differently). Asked before the
     * target is migrated, so that a database in use is not even migrated, and again inside the copy.
     */
    public static void checkEmpty(Connection postgres) throws SQLException {
        try (Statement statement = postgres.createStatement(); ResultSet row = statement.executeQuery("SHOW server_encoding")) {
            row.next();
            if (!row.getString(1).equalsIgnoreCase("UTF8")) {
                throw new CopyRefused("the target database's encoding is " + row.getString(1)
                        + "; create it with ENCODING 'UTF8' (SQLite keeps text as UTF-8).");
            }
        }
        List<String> occupied = PostgresTables.occupied(postgres);
        if (!occupied.isEmpty()) {
            throw new CopyRefused("the target database is not empty: " + String.join(", ", occupied) + " already hold"
                    + (occupied.size() == 1 ? "s" : "") + " rows. Copy into a new, empty database.");
        }
    }

    public Result run() throws SQLException {
        source.setAutoCommit(false);
        target.setAutoCommit(false);
        try {
            List<Table> tables = PostgresTables.inForeignKeyOrder(target);
            sameTables(tables);
            checkEmpty(target);
            triggers(tables, "DISABLE");
            for (Table table : tables) copy(table);
            triggers(tables, "ENABLE");
            List<TableCheck> checks = new ArrayList<>();
            for (Table table : tables) checks.add(compare(table));
            boolean matches = checks.stream().allMatch(TableCheck::matches);
            if (matches) {
                for (Table table : tables) moveIdentities(table);
                target.commit();
            } else {
                target.rollback();
            }
            return new Result(checks, matches);
        } catch (SQLException | RuntimeException e) {
            try {
                target.rollback();
            } catch (SQLException lost) {
                e.addSuppressed(lost); // a connection gone takes its transaction with it
            }
            throw e;
        } finally {
            endRead();
        }
    }

    /** Ends the read transaction; nothing was written to the source. */
    private void endRead() {
        try {
            source.rollback();
        } catch (SQLException ignored) {
            // the caller closes the connection next, which ends it all the same
        }
    }

    /** The same tables on both sides, and in each the same columns, generated ones aside. */
    private void sameTables(List<Table> tables) throws SQLException {
        List<String> sourceTables = new ArrayList<>();
        try (PreparedStatement query = source.prepareStatement("""
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?
                ORDER BY name""")) {
            query.setString(1, PostgresTables.FLYWAY_HISTORY);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) sourceTables.add(rows.getString(1));
            }
        }
        List<String> targetTables = tables.stream().map(Table::name).sorted().toList();
        if (!sourceTables.equals(targetTables)) {
            throw new CopyRefused("the two databases do not have the same tables: only in the source " + missing(sourceTables, targetTables)
                    + ", only in the target " + missing(targetTables, sourceTables) + ".");
        }
        for (Table table : tables) {
            // pragma_table_info leaves out generated columns (signatures.state), as the target's list does
            List<String> sourceColumns = new ArrayList<>();
            try (PreparedStatement query = source.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                query.setString(1, table.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) sourceColumns.add(rows.getString(1));
                }
            }
            List<String> targetColumns = table.columns().stream().map(Table.Column::name).toList();
            if (!new TreeSet<>(sourceColumns).equals(new TreeSet<>(targetColumns))) {
                throw new CopyRefused("the table " + table.name() + " does not have the same columns on both sides: only in the source "
                        + missing(sourceColumns, targetColumns) + ", only in the target " + missing(targetColumns, sourceColumns) + ".");
            }
        }
    }

    private static List<String> missing(List<String> in, List<String> from) {
        List<String> only = new ArrayList<>(in);
        only.removeAll(from);
        return only;
    }

    /**
     * Triggers of the application's own are off while rows are copied, on again before the commit
     * (ALTER TABLE is transactional: a failed copy leaves them on). They derive values from the rows
     * written, and the source's rows carry those values already: petitions.public_version would be
     * bumped once per copied signature and translation, away from the source's value, and 100,000
     * updates of one petition's row in one transaction slow down with each one. Foreign keys stay
     * checked (their triggers are PostgreSQL's own). Needs the login that owns the tables, which is
     * the one that migrated them.
     */
    private void triggers(List<Table> tables, String disableOrEnable) throws SQLException {
        try (Statement statement = target.createStatement()) {
            for (Table table : tables) {
                if (table.triggers()) statement.execute("ALTER TABLE " + table.quotedName() + " " + disableOrEnable + " TRIGGER USER");
            }
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) throw e;
            throw new CopyRefused("the target's login does not own its tables (" + e.getMessage()
                    + "); copy with the login that first migrated it, the one the server uses.");
        }
    }

    private void copy(Table table) throws SQLException {
        String insert = "INSERT INTO " + table.quotedName() + " (" + table.columnList() + ")"
                + (table.identities().isEmpty() ? "" : " OVERRIDING SYSTEM VALUE")
                + " VALUES (" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        try (PreparedStatement read = source.prepareStatement("SELECT " + table.columnList() + " FROM " + table.quotedName());
             ResultSet rows = read.executeQuery();
             PreparedStatement write = target.prepareStatement(insert)) {
            int waiting = 0;
            while (rows.next()) {
                for (int i = 0; i < table.columns().size(); i++) bind(write, i + 1, rows.getObject(i + 1), table, table.columns().get(i), rows);
                write.addBatch();
                if (++waiting == BATCH) {
                    write.executeBatch();
                    waiting = 0;
                }
            }
            if (waiting > 0) write.executeBatch();
        }
    }

    /**
     * A SQLite value as the PostgreSQL column wants it. Anything that would need a guess (text in a
     * number column, 2 in a boolean one) stops the copy, naming the row, rather than change a value.
     */
    private static void bind(PreparedStatement write, int index, Object value, Table table, Table.Column column, ResultSet row)
            throws SQLException {
        switch (column.kind()) {
            case BOOLEAN -> {
                if (value == null) write.setNull(index, Types.BOOLEAN);
                else if (isWhole(value) && (((Number) value).longValue() == 0 || ((Number) value).longValue() == 1)) {
                    write.setBoolean(index, ((Number) value).longValue() == 1);
                } else throw unexpected(table, column, value, "a boolean (0 or 1)", row);
            }
            case INTEGER -> {
                if (value == null) write.setNull(index, Types.BIGINT);
                else if (isWhole(value)) write.setLong(index, ((Number) value).longValue());
                else throw unexpected(table, column, value, "a whole number", row);
            }
            case TEXT -> {
                if (value == null) write.setNull(index, Types.VARCHAR);
                else if (value instanceof String text) write.setString(index, text);
                else throw unexpected(table, column, value, "text", row);
            }
        }
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static CopyRefused unexpected(Table table, Table.Column column, Object value, String wanted, ResultSet row) throws SQLException {
        List<String> key = new ArrayList<>();
        for (String name : table.primaryKey()) key.add(name + " = " + row.getObject(table.index(name) + 1));
        String shown = value instanceof byte[] ? "a blob" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
        return new CopyRefused("the row of " + table.name() + " where " + String.join(" and ", key) + " holds " + shown
                + " in " + column.name() + ", where PostgreSQL takes " + wanted + ".");
    }

    private TableCheck compare(Table table) throws SQLException {
        long sourceRows = count(source, table);
        long targetRows = count(target, table);
        String sourceOrder = table.primaryKey().stream().map(Table::quote).collect(Collectors.joining(", "));
        // C ordering is byte order, as SQLite's BINARY compares UTF-8 text; NULLs come first in SQLite
        String targetOrder = table.primaryKey().stream()
                .map(c -> Table.quote(c) + (table.kind(c) == Table.Kind.TEXT ? " COLLATE \"C\"" : "") + " NULLS FIRST")
                .collect(Collectors.joining(", "));
        return new TableCheck(table.name(), sourceRows, targetRows,
                digest(source, table, sourceOrder, true), digest(target, table, targetOrder, false));
    }

    private static long count(Connection connection, Table table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table.quotedName());
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String digest(Connection connection, Table table, String order, boolean sqlite) throws SQLException {
        RowDigest digest = new RowDigest();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + table.columnList() + " FROM " + table.quotedName() + " ORDER BY " + order)) {
            query.setFetchSize(BATCH); // PostgreSQL streams through a cursor (in a transaction) instead of reading the table whole
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int i = 0; i < table.columns().size(); i++) {
                        Object value = rows.getObject(i + 1);
                        // SQLite keeps booleans as 0 and 1; other values stay as they are, and differ
                        if (sqlite && table.columns().get(i).kind() == Table.Kind.BOOLEAN && isWhole(value)) {
                            long n = ((Number) value).longValue();
                            if (n == 0 || n == 1) value = n == 1;
                        }
                        digest.add(value);
                    }
                    digest.endRow();
                }
            }
        }
        return digest.hex();
    }

    /**
     * Identity columns were given the source's values, which leaves their sequences at the start:
     * the next sign-on would be given id 1 and collide. Each sequence moves to the largest value
     * copied (an empty table's stays where a new one's is, so that its first row is 1).
     */
    private void moveIdentities(Table table) throws SQLException {
        for (String column : table.identities()) {
            String quoted = Table.quote(column);
            try (PreparedStatement move = target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(" + quoted + "), 1), "
                    + "MAX(" + quoted + ") IS NOT NULL) FROM " + table.quotedName())) {
                move.setString(1, table.quotedName());
                move.setString(2, column);
                move.executeQuery().close();
            }
        }
    }
}
