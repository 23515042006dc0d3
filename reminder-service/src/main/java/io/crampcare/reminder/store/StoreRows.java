package io.crampcare.reminder.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.crampcare.support.sql.ColumnArrays;

/**
 * What the stores add to {@link ColumnArrays}, which binds only column arrays by position and hands over the raw
 * result set: a statement's rows as a list of typed records, and a single value passed as a one-element array (read in
 * the statement as {@code (?::type[])[1]}).
 */
final class StoreRows {

    private StoreRows() {
    }

    /** Reads one row (the cursor is on it) into a record. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row of a result, each read by {@code row}. */
    static <T> ColumnArrays.Rows<List<T>> listOf(Row<T> row) {
        return rows -> {
            List<T> list = new ArrayList<>();
            while (rows.next()) {
                list.add(row.read(rows));
            }
            return list;
        };
    }

    /** A single value as a one-element column (its text, as {@link ColumnArrays#column} writes values). */
    static String[] single(Object value) {
        return new String[] { value == null ? null : value.toString() };
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
