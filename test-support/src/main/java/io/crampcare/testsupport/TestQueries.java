package io.crampcare.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Plain JDBC reads for tests that look into a service's tables: parameters bound in order, rows read by a lambda. */
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
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
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
}
