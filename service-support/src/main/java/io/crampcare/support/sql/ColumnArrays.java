package io.crampcare.support.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Set-based SQL: many rows in one statement, passed as one array per column (as text: the statement casts each array
 * to its column's type, {@code ?::uuid[]}, {@code ?::timestamptz[]} with instants as ISO-8601) and spread by
 * {@code unnest}. Statements run on the data source's connection, which is the caller's transaction's when one is
 * active (the pooled connection is enlisted in it).
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** Reads a statement's rows. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
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

    private static PreparedStatement prepare(Connection connection, String sql, String[]... columns)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf("text", columns[i]));
        }
        return statement;
    }
}
