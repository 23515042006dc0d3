package io.crampcare.support.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.tracing.TraceContext;

/**
 * Writes events to the outbox table inside the caller's transaction, or in one statement with the business row they
 * describe ({@link #insertWithRow}), so that an event exists if and only if the business change it describes
 * committed. {@link OutboxRelay} publishes it to Kafka after the commit, each key's events in the order they were
 * written, also when several transactions write events of one key at once.
 */
@ApplicationScoped
public class Outbox {

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
    private static final String KEY_LOCKS_THEN_INSERT = """
            key_locks AS MATERIALIZED (
                SELECT count(pg_advisory_xact_lock(hashtext(current_schema()), bucket)) AS taken
                FROM (SELECT DISTINCT abs(hashtext(k) % 64) AS bucket FROM unnest(?::text[]) AS k ORDER BY 1) buckets)
            INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload, created_at, traceparent,
                                      tracestate)
            SELECT e.id, e.topic, e.message_key, e.event_type, e.subject, e.payload::jsonb, e.created_at, e.traceparent,
                   e.tracestate
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                        ?::text[])
                 WITH ORDINALITY AS e (id, topic, message_key, event_type, subject, payload, created_at, traceparent,
                                       tracestate, n)
                 CROSS JOIN key_locks
            ORDER BY e.n
            """;
    static final String INSERT_ALL = "WITH " + KEY_LOCKS_THEN_INSERT;

    private final AgroalDataSource dataSource;
    private final ObjectMapper objectMapper;
    private final Event<OutboxWritten> written;

    Outbox(AgroalDataSource dataSource, ObjectMapper objectMapper, Event<OutboxWritten> written) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.written = written;
    }

    /**
     * Records an event to publish once the current transaction commits, with the current trace context: the relay
     * publishes it in the record's headers, so the consumer continues this trace.
     *
     * @param topic     Kafka topic
     * @param key       Kafka key; events with the same key are published in the order they were written
     * @param eventType CloudEvents type
     * @param subject   CloudEvents subject (may be null)
     * @param payload   the event data, serialized as JSON with the application's ObjectMapper
     * @param time      when it happened (CloudEvents {@code time}): the very instant the payload carries as its own
     *                  time (issuedAt, receivedAt, ...), so that {@code ce_time} and the payload agree exactly
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID write(String topic, String key, String eventType, String subject, Object payload, Instant time) {
        return writeAll(List.of(new Message(topic, key, eventType, subject, payload, time)))[0];
    }

    /**
     * Records several events to publish once the current transaction commits, in list order, in one statement: callers
     * that write hundreds per transaction (the reminder service's dispatcher) would otherwise pay one round trip and
     * one statement per event.
     *
     * @return the event ids, in the order of {@code messages}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID[] writeAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return new UUID[0];
        }
        // The pooled connection is enlisted in the caller's JTA transaction: these rows commit or roll back with it.
        return insert(INSERT_ALL, statement -> 0, messages);
    }

    /**
     * The statement of {@link #insertWithRow}: {@code rowInsert} (an INSERT of one business row, parameters first)
     * and then this outbox's own insert of the events, with its advisory lock, in one SQL statement.
     */
    public static RowWithEvents rowWithEvents(String rowInsert) {
        return new RowWithEvents("WITH business_row AS (" + rowInsert + "),\n" + KEY_LOCKS_THEN_INSERT);
    }

    /**
     * Inserts a business row and the events that announce it in one statement, so they commit together or not at all
     * without a transaction around them: outside any transaction the statement commits on its own (autocommit, one
     * round trip); inside one it joins it. The relay is woken once the row and events are committed.
     *
     * @param statement made once by {@link #rowWithEvents}
     * @param row       binds the row insert's parameters (1 to n) and returns n
     * @return the event ids, in the order of {@code messages}
     */
    public UUID[] insertWithRow(RowWithEvents statement, RowParameters row, List<Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A row without events needs no outbox");
        }
        return insert(statement.sql(), row, messages);
    }

    private UUID[] insert(String sql, RowParameters row, List<Message> messages) {
        Columns events = columns(messages);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            events.bind(connection, insert, row.bind(insert));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing " + messages.size() + " events to the outbox failed", e);
        }
        // One wake-up is enough: once running, the relay publishes everything unsent. It is observed after the commit:
        // the caller's transaction's, or (none active) at once, the statement having committed on its own.
        written.fire(new OutboxWritten(events.ids[0]));
        return events.ids;
    }

    /** An INSERT of one business row followed by the outbox's insert of its events: {@link #rowWithEvents}. */
    public record RowWithEvents(String sql) {
    }

    /** Binds a business row's parameters, from 1, and returns how many it bound. */
    @FunctionalInterface
    public interface RowParameters {
        int bind(PreparedStatement statement) throws SQLException;
    }

    /** The events as the insert's column arrays, with their new ids and the trace each continues. */
    private Columns columns(List<Message> messages) {
        int size = messages.size();
        Columns events = new Columns(size);
        TraceContext current = TraceContext.current();
        try {
            for (int i = 0; i < size; i++) {
                Message message = messages.get(i);
                TraceContext trace = message.trace() != null ? message.trace() : current;
                if (trace != null) {
                    events.traceparents[i] = trace.traceparent();
                    events.tracestates[i] = trace.tracestate();
                }
                events.ids[i] = TimeOrderedIds.next();
                events.topics[i] = message.topic();
                events.keys[i] = message.key();
                events.eventTypes[i] = message.eventType();
                events.subjects[i] = message.subject();
                events.payloads[i] = objectMapper.writeValueAsString(message.payload());
                events.times[i] = message.time().toString(); // ISO-8601 in UTC; the statement casts it
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing an event for the outbox failed", e);
        }
        return events;
    }

    private static final class Columns {
        final UUID[] ids;
        final String[] topics;
        final String[] keys;
        final String[] eventTypes;
        final String[] subjects;
        final String[] payloads;
        final String[] times;
        final String[] traceparents;
        final String[] tracestates;

        Columns(int size) {
            ids = new UUID[size];
            topics = new String[size];
            keys = new String[size];
            eventTypes = new String[size];
            subjects = new String[size];
            payloads = new String[size];
            times = new String[size];
            traceparents = new String[size];
            tracestates = new String[size];
        }

        /** Binds the outbox insert's ten parameters, after the {@code before} ones of a business row. */
        void bind(Connection connection, PreparedStatement insert, int before) throws SQLException {
            Array keyArray = connection.createArrayOf("text", keys);
            insert.setArray(before + 1, keyArray);
            insert.setArray(before + 2, connection.createArrayOf("uuid", ids));
            insert.setArray(before + 3, connection.createArrayOf("text", topics));
            insert.setArray(before + 4, keyArray);
            insert.setArray(before + 5, connection.createArrayOf("text", eventTypes));
            insert.setArray(before + 6, connection.createArrayOf("text", subjects));
            insert.setArray(before + 7, connection.createArrayOf("text", payloads));
            insert.setArray(before + 8, connection.createArrayOf("text", times));
            insert.setArray(before + 9, connection.createArrayOf("text", traceparents));
            insert.setArray(before + 10, connection.createArrayOf("text", tracestates));
        }
    }

    /**
     * One event for {@link #writeAll}: the arguments of {@link #write}, and the trace it continues ({@code trace}: null
     * for the context current when it is written). The dispatcher fires nudges planned in many traces in one batch.
     */
    public record Message(String topic, String key, String eventType, String subject, Object payload, Instant time,
            TraceContext trace) {

        public Message {
            Objects.requireNonNull(time, "time");
            // PostgreSQL keeps microseconds: a finer instant would come back as a ce_time other than the payload's.
            if (time.getNano() % 1_000 != 0) {
                throw new IllegalArgumentException("An event time must be truncated to microseconds: " + time);
            }
        }

        public Message(String topic, String key, String eventType, String subject, Object payload, Instant time) {
            this(topic, key, eventType, subject, payload, time, null);
        }
    }
}
