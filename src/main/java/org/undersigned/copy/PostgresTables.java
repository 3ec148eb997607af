package org.undersigned.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The application's tables in a PostgreSQL database, read from its catalog: the tables of the
 * current schema (where Flyway made them) but Flyway's own history, in an order where each table
 * comes after those its foreign keys point at.
 */
final class PostgresTables {
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private PostgresTables() {}

    static List<String> names(Connection postgres) throws SQLException {
        return strings(postgres, """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> ?
                ORDER BY table_name""", FLYWAY_HISTORY);
    }

    static List<Table> inForeignKeyOrder(Connection postgres) throws SQLException {
        Map<String, List<Table.Column>> columns = new LinkedHashMap<>();
        Map<String, List<String>> identities = new HashMap<>();
        for (String table : names(postgres)) columns.put(table, new ArrayList<>());
        try (PreparedStatement query = postgres.prepareStatement("""
                SELECT table_name, column_name, data_type, is_generated, is_identity FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (!columns.containsKey(table) || "ALWAYS".equals(rows.getString(4))) continue;
                String column = rows.getString(2);
                columns.get(table).add(new Table.Column(column, kind(table, column, rows.getString(3))));
                if ("YES".equals(rows.getString(5))) identities.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
            }
        }
        Map<String, List<String>> primaryKeys = new HashMap<>();
        try (PreparedStatement query = postgres.prepareStatement("""
                SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name
                WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()
                ORDER BY k.table_name, k.ordinal_position""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) primaryKeys.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
        }
        Set<String> withTriggers = new HashSet<>(strings(postgres, """
                SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND c.relname <> ?""", FLYWAY_HISTORY));
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement query = postgres.prepareStatement("""
                SELECT child.relname, parent.relname FROM pg_constraint f
                JOIN pg_class child ON child.oid = f.conrelid
                JOIN pg_class parent ON parent.oid = f.confrelid
                WHERE f.contype = 'f' AND child.relnamespace = current_schema()::regnamespace""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (!rows.getString(1).equals(rows.getString(2))) parents.computeIfAbsent(rows.getString(1), t -> new HashSet<>()).add(rows.getString(2));
            }
        }
        List<Table> ordered = new ArrayList<>();
        for (String name : foreignKeyOrder(columns.keySet(), parents)) {
            List<Table.Column> own = columns.get(name);
            List<String> key = primaryKeys.getOrDefault(name, own.stream().map(Table.Column::name).toList());
            ordered.add(new Table(name, List.copyOf(own), List.copyOf(key), identities.getOrDefault(name, List.of()), withTriggers.contains(name)));
        }
        return ordered;
    }

    /** Parents before children; among tables free to go, alphabetical, so that the report reads the same each time. */
    static List<String> foreignKeyOrder(Set<String> tables, Map<String, Set<String>> parents) {
        List<String> ordered = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(t -> parents.getOrDefault(t, Set.of()).stream().noneMatch(left::contains))
                    .findFirst()
                    .orElseThrow(() -> new CopyRefused("the foreign keys between " + left + " go round in a circle; no table can be copied first."));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    /** The tables holding at least one row: a database that has any is not an empty target. */
    static List<String> occupied(Connection postgres) throws SQLException {
        List<String> occupied = new ArrayList<>();
        for (String table : names(postgres)) {
            try (PreparedStatement query = postgres.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + Table.quote(table) + ")");
                 ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) occupied.add(table);
            }
        }
        return occupied;
    }

    private static Table.Kind kind(String table, String column, String dataType) {
        return switch (dataType) {
            case "boolean" -> Table.Kind.BOOLEAN;
            case "smallint", "integer", "bigint" -> Table.Kind.INTEGER;
            case "text", "character varying", "character" -> Table.Kind.TEXT;
            default -> throw new CopyRefused("the column " + table + "." + column + " is of type " + dataType
                    + ", which this copy does not know how to carry over and compare.");
        };
    }

    private static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) values.add(rows.getString(1));
            }
        }
        return values;
    }
}
