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
import io.crampcare.support.tracing.TraceContext;

/**
 * Writes events to the outbox table inside the caller's transaction, so that an event exists if and only if the
 * business change it describes committed. {@link OutboxRelay} publishes it to Kafka after the commit, each key's events
 * in the order they were written, also when several transactions write events of one key at once.
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
    static final String INSERT_ALL = """
            WITH key_locks AS MATERIALIZED (
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
        int size = messages.size();
        UUID[] ids = new UUID[size];
        if (size == 0) {
            return ids;
        }
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] eventTypes = new String[size];
        String[] subjects = new String[size];
        String[] payloads = new String[size];
        String[] times = new String[size];
        String[] traceparents = new String[size];
        String[] tracestates = new String[size];
        TraceContext current = TraceContext.current();
        try {
            for (int i = 0; i < size; i++) {
                Message message = messages.get(i);
                TraceContext trace = message.trace() != null ? message.trace() : current;
                if (trace != null) {
                    traceparents[i] = trace.traceparent();
                    tracestates[i] = trace.tracestate();
                }
                ids[i] = UUID.randomUUID();
                topics[i] = message.topic();
                keys[i] = message.key();
                eventTypes[i] = message.eventType();
                subjects[i] = message.subject();
                payloads[i] = objectMapper.writeValueAsString(message.payload());
                times[i] = message.time().toString(); // ISO-8601 in UTC; the statement casts it
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing an event for the outbox failed", e);
        }
        // The pooled connection is enlisted in the caller's JTA transaction: these rows commit or roll back with it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            Array keyArray = connection.createArrayOf("text", keys);
            insert.setArray(1, keyArray);
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            insert.setArray(3, connection.createArrayOf("text", topics));
            insert.setArray(4, keyArray);
            insert.setArray(5, connection.createArrayOf("text", eventTypes));
            insert.setArray(6, connection.createArrayOf("text", subjects));
            insert.setArray(7, connection.createArrayOf("text", payloads));
            insert.setArray(8, connection.createArrayOf("text", times));
            insert.setArray(9, connection.createArrayOf("text", traceparents));
            insert.setArray(10, connection.createArrayOf("text", tracestates));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing " + size + " events to the outbox failed", e);
        }
        // One wake-up is enough: once running, the relay publishes everything unsent.
        written.fire(new OutboxWritten(ids[0]));
        return ids;
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
