package io.crampcare.support.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A SQL statement with named parameters ({@code :name}; a cast {@code ::type} is not one, nor anything inside a
 * quoted literal), as JDBC runs it: {@link #sql()} has a {@code ?} for each, in order, and {@link #bind} sets them
 * from a map by name. A name may stand more than once. Values bind by their type: a {@code String[]} as a
 * {@code text[]} array (the statement casts it, see {@link ColumnArrays}), a {@code UUID[]} as a {@code uuid[]} array,
 * an {@link Instant} as a {@code timestamptz} in UTC, anything else as JDBC's {@code setObject} takes it.
 *
 * @param sql   the statement with {@code ?} placeholders
 * @param names the parameter name of each placeholder, in order
 */
public record NamedSql(String sql, List<String> names) {

    public NamedSql {
        names = List.copyOf(names);
    }

    /** Parses {@code named}, a statement whose parameters are {@code :name}s. */
    public static NamedSql of(String named) {
        StringBuilder sql = new StringBuilder(named.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < named.length(); i++) {
            char c = named.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
                sql.append("::"); // a cast
                i++;
                continue;
            } else if (!quoted && c == ':' && i + 1 < named.length()
                    && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                names.add(named.substring(i + 1, end));
                sql.append('?');
                i = end - 1;
                continue;
            }
            sql.append(c);
        }
        return new NamedSql(sql.toString(), names);
    }

    /** Prepares this statement on {@code connection} with {@code parameters} bound; the caller closes it. */
    public PreparedStatement prepare(Connection connection, Map<String, ?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(connection, statement, parameters, 0);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    /**
     * Binds {@code parameters} to this statement's placeholders, which stand after {@code before} others (a statement
     * this one was appended to, which binds its own first).
     *
     * @throws IllegalArgumentException when a name has no value in {@code parameters}
     */
    public void bind(Connection connection, PreparedStatement statement, Map<String, ?> parameters, int before)
            throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            Object value = parameters.get(name);
            int index = before + i + 1;
            if (value instanceof String[] texts) {
                statement.setArray(index, connection.createArrayOf("text", texts));
            } else if (value instanceof UUID[] uuids) {
                statement.setArray(index, connection.createArrayOf("uuid", uuids));
            } else if (value instanceof Instant instant) {
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(index, value);
            }
        }
    }
}
