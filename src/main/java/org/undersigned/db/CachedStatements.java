package org.undersigned.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the writer's prepared statements open between uses, keyed by their SQL, instead of
 * preparing and closing each one every time (SQLite compiles a statement on every prepare, and
 * the sign-on path runs the same few statements thousands of times a second).
 *
 * <p>Only for the writer's own connection, used by one thread at a time. A statement still in
 * use when the same SQL is asked for again (a query nested in its own results) gets a fresh
 * one, closed as usual. Statements that return generated keys are never cached.
 */
final class CachedStatements implements StatementBuilder {
    static final int CAPACITY = 128;
    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    private final Map<String, PreparedStatement> kept = new java.util.HashMap<>();
    /** Statements in use, with the SQL they were prepared from (JDBI names the unparsed SQL when it closes one). */
    private final Map<Statement, String> lent = new IdentityHashMap<>();

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) return plain.create(conn, sql, ctx);
        PreparedStatement statement = idle.remove(sql);
        if (statement == null || statement.isClosed()) statement = conn.prepareStatement(sql);
        lent.put(statement, sql);
        return statement;
    }

    /** A statement for plain JDBC on the writer's thread, kept open for the connection's life; never close it. */
    PreparedStatement kept(Connection conn, String sql) throws SQLException {
        PreparedStatement statement = kept.get(sql);
        if (statement == null) {
            if (kept.size() >= CAPACITY) throw new IllegalStateException("more than " + CAPACITY + " kept statements: use literal SQL only");
            statement = conn.prepareStatement(sql);
            kept.put(sql, statement);
        }
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement statement) throws SQLException {
        String key = lent.remove(statement);
        if (key == null || !(statement instanceof PreparedStatement prepared)) {
            plain.close(conn, sql, statement);
            return;
        }
        prepared.clearParameters();
        PreparedStatement other = idle.putIfAbsent(key, prepared);
        if (other != null) prepared.close(); // a nested twin came back first; keep one
    }

    @Override
    public void close(Connection conn) {
        idle.values().forEach(CachedStatements::closeQuietly);
        idle.clear();
        kept.values().forEach(CachedStatements::closeQuietly);
        kept.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing a statement we no longer need; nothing to do
        }
    }
}
