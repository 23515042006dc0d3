package io.crampcare.support.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.support.privacy.SubjectKey;
import io.crampcare.support.privacy.SubjectKeys;
import io.crampcare.support.tracing.TraceContext;

/**
 * Writes events to the outbox table inside the caller's transaction, or in one statement with the business row they
 * describe ({@link #insertWithRow}), so that an event exists if and only if the business change it describes
 * committed. {@link OutboxRelay} publishes it to Kafka after the commit, each key's events in the order they were
 * written, also when several transactions write events of one key at once. An event is named by its
 * {@link EventDescriptor}, which gives its topic, type, and its key and subject (read from the payload). The SQL is
 * {@link OutboxStore}'s.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxStore store;
    private final ObjectMapper objectMapper;
    private final Event<OutboxWritten> written;
    private final SubjectKeys subjectKeys;

    Outbox(OutboxStore store, ObjectMapper objectMapper, Event<OutboxWritten> written, SubjectKeys subjectKeys) {
        this.store = store;
        this.objectMapper = objectMapper;
        this.written = written;
        this.subjectKeys = subjectKeys;
    }

    /**
     * Records an event to publish once the current transaction commits, with the current trace context: the relay
     * publishes it in the record's headers, so the consumer continues this trace.
     *
     * @param event   what event it is: topic, CloudEvents type, and the key and subject of {@code payload}
     * @param payload the event data, serialized as JSON with the application's ObjectMapper
     * @param time    when it happened (CloudEvents {@code time}): the very instant the payload carries as its own time
     *                (issuedAt, receivedAt, ...), so that {@code ce_time} and the payload agree exactly
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID write(EventDescriptor<T> event, T payload, Instant time) {
        return writeAll(List.of(Message.of(event, payload, time)))[0];
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
        return insert(OutboxStore.INSERT_ALL.sql(), statement -> 0, messages);
    }

    /**
     * The statement of {@link #insertWithRow}: {@code rowInsert} (an INSERT of one business row, parameters first)
     * and then this outbox's own insert of the events, with its advisory lock, in one SQL statement.
     */
    public static RowWithEvents rowWithEvents(String rowInsert) {
        return new RowWithEvents(OutboxStore.rowWithEvents(rowInsert));
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
        // Sealed as they are written: the outbox table holds no more of a person than the topics do.
        Set<String> users = messages.stream().filter(message -> message.event().sealed()).map(Message::key)
                .collect(Collectors.toSet());
        Map<String, SubjectKey> keys = users.isEmpty() ? Map.of() : subjectKeys.forWriting(users);
        OutboxColumns events = new OutboxColumns(messages, objectMapper, keys);
        store.insert(sql, row, events);
        // One wake-up is enough: once running, the relay publishes everything unsent. It is observed after the commit:
        // the caller's transaction's, or (none active) at once, the statement having committed on its own.
        written.fire(new OutboxWritten(events.ids()[0]));
        return events.ids();
    }

    /** An INSERT of one business row followed by the outbox's insert of its events: {@link #rowWithEvents}. */
    public record RowWithEvents(String sql) {
    }

    /** Binds a business row's parameters, from 1, and returns how many it bound. */
    @FunctionalInterface
    public interface RowParameters {
        int bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * One event for {@link #writeAll}: the arguments of {@link #write}, and the trace it continues ({@code trace}: null
     * for the context current when it is written). The dispatcher fires nudges planned in many traces in one batch.
     * Made by {@link #of}, which holds the payload to its descriptor's type.
     */
    public record Message(EventDescriptor<?> event, Object payload, Instant time, TraceContext trace) {

        public Message {
            Objects.requireNonNull(event, "event");
            event.payloadClass().cast(Objects.requireNonNull(payload, "payload"));
            Objects.requireNonNull(time, "time");
            // PostgreSQL keeps microseconds: a finer instant would come back as a ce_time other than the payload's.
            if (time.getNano() % 1_000 != 0) {
                throw new IllegalArgumentException("An event time must be truncated to microseconds: " + time);
            }
        }

        public static <T> Message of(EventDescriptor<T> event, T payload, Instant time, TraceContext trace) {
            return new Message(event, payload, time, trace);
        }

        public static <T> Message of(EventDescriptor<T> event, T payload, Instant time) {
            return new Message(event, payload, time, null);
        }

        /**
         * Whose event it is: the user id the descriptor reads from the payload (published as their subjectRef); for
         * an unsealed event the subjectRef itself.
         */
        public String key() {
            return event.keyOf(payload);
        }
    }
}
