package io.crampcare.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Plain JDBC for tests that look into a service's tables, or put rows there that the API cannot make (a report from
 * years ago): parameters bound in order (instants as timestamptz), rows read by a lambda.
 */
public final class TestQueries {

    /** Reads the current row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private TestQueries() {
    }

    /** Every row of {@code sql}, in the order the query gives them. */
    public static <T> List<T> list(DataSource dataSource, String sql, RowReader<T> reader, Object... parameters)
            throws SQLException {
        List<T> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
            }
        }
        return result;
    }

    /** The first row of {@code sql} (a count, say); an AssertionError when there is none. */
    public static <T> T first(DataSource dataSource, String sql, RowReader<T> reader, Object... parameters)
            throws SQLException {
        List<T> rows = list(dataSource, sql, reader, parameters);
        if (rows.isEmpty()) {
            throw new AssertionError("no row from " + sql);
        }
        return rows.get(0);
    }

    /** Runs {@code sql} (an insert, say) in its own transaction; returns the rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, parameters);
            return update.executeUpdate();
        }
    }

    /** Binds the parameters in order; an {@link Instant} as a timestamptz. */
    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }
}
