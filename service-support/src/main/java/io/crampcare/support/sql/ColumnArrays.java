package io.crampcare.support.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * How stores run SQL without Hibernate: statements with named parameters ({@link NamedSql}), rows read into records
 * ({@link RowMapper}, {@link Row}), and set-based writes, many rows in one statement, passed as one array per column
 * (as text: the statement casts each array to its column's type, {@code :ids::uuid[]}, {@code :times::timestamptz[]}
 * with instants as ISO-8601, see {@link #column}) and spread by {@code unnest}. Statements run on the data source's
 * connection, which is the caller's transaction's when one is active (the pooled connection is enlisted in it), or on
 * a connection the caller holds.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** Reads a statement's rows (positional form). */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Reads one row as a {@code T}. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** A column's values as text, in row order (null stays null). */
    public static <R> String[] column(List<R> rows, Function<R, ?> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** Runs a query with the columns as its parameters, in order. */
    public static <T> T query(DataSource dataSource, String sql, Rows<T> read, String[]... columns) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, columns);
                ResultSet rows = statement.executeQuery()) {
            return read.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading for " + columns[0].length + " rows failed", e);
        }
    }

    /** Runs an update with the columns as its parameters, unless the first is empty (no rows: no statement). */
    public static int update(DataSource dataSource, String sql, String[]... columns) {
        if (columns[0].length == 0) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, columns)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing " + columns[0].length + " rows failed", e);
        }
    }

    /** Runs a query (or a statement with {@code RETURNING}) and reads every row it returns. */
    public static <T> List<T> list(DataSource dataSource, NamedSql sql, Map<String, ?> parameters,
            RowMapper<T> row) {
        try (Connection connection = dataSource.getConnection()) {
            return list(connection, sql, parameters, row);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + firstLine(sql), e);
        }
    }

    /** As {@link #list(DataSource, NamedSql, Map, RowMapper)}, on a connection the caller holds. */
    public static <T> List<T> list(Connection connection, NamedSql sql, Map<String, ?> parameters, RowMapper<T> row)
            throws SQLException {
        List<T> read = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection, parameters);
                ResultSet rows = statement.executeQuery()) {
            Row current = new Row(rows);
            while (rows.next()) {
                read.add(row.map(current));
            }
        }
        return read;
    }

    /** The one row a query returns, or null when it returns none. */
    public static <T> T one(DataSource dataSource, NamedSql sql, Map<String, ?> parameters, RowMapper<T> row) {
        List<T> rows = list(dataSource, sql, parameters, row);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    public static int update(DataSource dataSource, NamedSql sql, Map<String, ?> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + firstLine(sql), e);
        }
    }

    /** As {@link #update(DataSource, NamedSql, Map)}, on a connection the caller holds. */
    public static int update(Connection connection, NamedSql sql, Map<String, ?> parameters) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static String firstLine(NamedSql sql) {
        return sql.sql().strip().lines().findFirst().orElse("");
    }

    private static PreparedStatement prepare(Connection connection, String sql, String[]... columns)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf("text", columns[i]));
        }
        return statement;
    }
}
