package io.crampcare.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * The SQL of the outbox table but the relay's ({@link RelayStore}): inserting events, alone or after a business row;
 * the lag; listing and unparking parked events; deleting sent ones past retention. Statements run on the data
 * source's connection, the caller's transaction's when one is active.
 */
@ApplicationScoped
public class OutboxStore {

    // Many rows in one statement: one array per column. Identity values (seq, the publish order) follow the
    // ORDER BY, so a key's events are published in list order.
    // Across transactions, seq alone is not enough: a transaction that takes a later seq may commit first, and the
    // relay (which sees only committed rows) would publish it ahead of an earlier one of the same key. So the statement
    // first takes a transaction-scoped advisory lock per key bucket (in bucket order: no deadlock between two such
    // statements), and seq is drawn only then: two writers of one key take their seq in commit order. key_locks is
    // one aggregated row, complete before the first row is inserted. Buckets bound the locks a big batch holds (the
    // dispatcher writes up to a thousand users' events at once); two keys sharing a bucket only wait for a commit.
    // The one place of the outbox's insert: INSERT_ALL alone, or after a business row's insert (rowWithEvents), where
    // a statement run in autocommit holds the lock in its own transaction, until it commits.
    private static final NamedSql KEY_LOCKS_THEN_INSERT = NamedSql.of("""
            key_locks AS MATERIALIZED (
                SELECT count(pg_advisory_xact_lock(hashtext(current_schema()), bucket)) AS taken
                FROM (SELECT DISTINCT abs(hashtext(k) % 64) AS bucket FROM unnest(:keys::text[]) AS k ORDER BY 1)
                     buckets)
            INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload, created_at, traceparent,
                                      tracestate)
            SELECT e.id, e.topic, e.message_key, e.event_type, e.subject, e.payload::jsonb, e.created_at, e.traceparent,
                   e.tracestate
            FROM unnest(:ids::uuid[], :topics::text[], :keys::text[], :types::text[], :subjects::text[],
                        :payloads::text[], :times::timestamptz[], :traceparents::text[], :tracestates::text[])
                 WITH ORDINALITY AS e (id, topic, message_key, event_type, subject, payload, created_at, traceparent,
                                       tracestate, n)
                 CROSS JOIN key_locks
            ORDER BY e.n
            """);
    static final NamedSql INSERT_ALL = new NamedSql("WITH " + KEY_LOCKS_THEN_INSERT.sql(),
            KEY_LOCKS_THEN_INSERT.names());
    private static final NamedSql LAG = NamedSql.of("""
            SELECT count(*) AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest_seconds,
                   count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
            FROM outbox_event WHERE sent_at IS NULL
            """);
    private static final NamedSql LIST_PARKED = NamedSql.of("""
            SELECT id, topic, message_key, event_type, attempts, last_error, created_at, parked_at
            FROM outbox_event WHERE parked_at IS NOT NULL ORDER BY seq LIMIT :limit
            """);
    // A retried event gets its full number of attempts again, and is claimable at once.
    private static final String UNPARK = """
            UPDATE outbox_event SET parked_at = NULL, next_attempt_at = NULL, attempts = 0
            WHERE parked_at IS NOT NULL AND sent_at IS NULL
            """;
    private static final NamedSql UNPARK_ALL = NamedSql.of(UNPARK);
    private static final NamedSql UNPARK_ONE = NamedSql.of(UNPARK + " AND id = :id");
    private static final NamedSql DELETE_SENT_BEFORE = NamedSql.of("""
            DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => :retentionSeconds)
            """);

    private final AgroalDataSource dataSource;

    OutboxStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The statement of {@link Outbox#insertWithRow}: {@code rowInsert} (an INSERT of one business row, parameters
     * first) and then the outbox's own insert of the events, with its advisory lock, in one SQL statement.
     */
    static String rowWithEvents(String rowInsert) {
        return "WITH business_row AS (" + rowInsert + "),\n" + KEY_LOCKS_THEN_INSERT.sql();
    }

    /**
     * Inserts events given as column arrays ({@link OutboxColumns}): after a business row's insert in {@code sql}
     * ({@link #rowWithEvents}, whose parameters {@code row} binds) or alone ({@link #INSERT_ALL}).
     */
    void insert(String sql, Outbox.RowParameters row, OutboxColumns events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            KEY_LOCKS_THEN_INSERT.bind(connection, insert, events.parameters(), row.bind(insert));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing " + events.size() + " events to the outbox failed", e);
        }
    }

    /** How far the relay is behind, read now. */
    OutboxLag lag() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return ColumnArrays.list(connection, LAG, Map.of(), row -> new OutboxLag(row.longValue("pending"),
                    row.doubleValue("oldest_seconds"), row.longValue("parked"))).get(0);
        }
    }

    /** The first {@code limit} parked events, in publish order. */
    List<ParkedEvent> parked(int limit) {
        return ColumnArrays.list(dataSource, LIST_PARKED, Map.of("limit", limit), row -> new ParkedEvent(
                row.uuid("id"), row.text("topic"), row.text("message_key"), row.text("event_type"),
                row.integer("attempts"), row.text("last_error"), row.instant("created_at"), row.instant("parked_at")));
    }

    /** Unparks one event; returns how many were unparked (0 or 1). */
    int unpark(UUID id) {
        return ColumnArrays.update(dataSource, UNPARK_ONE, Map.of("id", id));
    }

    /** Unparks every parked event; returns how many. */
    int unparkAll() {
        return ColumnArrays.update(dataSource, UNPARK_ALL, Map.of());
    }

    /** Deletes events sent longer than {@code retention} ago; returns how many. */
    int deleteSentBefore(Duration retention) {
        return ColumnArrays.update(dataSource, DELETE_SENT_BEFORE,
                Map.of("retentionSeconds", (double) retention.toSeconds()));
    }
}
