package org.undersigned.db;

/** The two databases the same jar runs on, told apart by the JDBC URL. */
public enum Dialect {
    /** Embedded, one instance: the default. */
    SQLITE("jdbc:sqlite:", "classpath:db/migration/sqlite"),
    /** A server several instances share. */
    POSTGRESQL("jdbc:postgresql:", "classpath:db/migration/postgresql");

    private final String prefix;
    private final String migrations;

    Dialect(String prefix, String migrations) {
        this.prefix = prefix;
        this.migrations = migrations;
    }

    /** The dialect of a JDBC URL, or null when it is neither. */
    public static Dialect of(String jdbcUrl) {
        for (Dialect dialect : values()) if (jdbcUrl != null && jdbcUrl.startsWith(dialect.prefix)) return dialect;
        return null;
    }

    /** Flyway's locations: the migrations both share, and this database's own where SQL must differ. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", migrations};
    }
}
