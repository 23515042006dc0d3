package io.crampcare.support.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The current row of a result, read by column name with the Java type each column is meant as: no {@code Object[]}
 * and no casts in the stores. SQL NULL reads as null (also for {@link #integer}).
 */
public final class Row {

    private final ResultSet rows;

    Row(ResultSet rows) {
        this.rows = rows;
    }

    public String text(String column) throws SQLException {
        return rows.getString(column);
    }

    public UUID uuid(String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    public Integer integer(String column) throws SQLException {
        return rows.getObject(column, Integer.class);
    }

    public long longValue(String column) throws SQLException {
        return rows.getLong(column);
    }

    public double doubleValue(String column) throws SQLException {
        return rows.getDouble(column);
    }

    public boolean bool(String column) throws SQLException {
        return rows.getBoolean(column);
    }

    public Instant instant(String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    public OffsetDateTime offsetDateTime(String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class);
    }
}
