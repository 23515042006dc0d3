package io.crampcare.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Writes events to the outbox table inside the caller's transaction, so that an event exists if and only if the
 * business change it describes committed. {@link OutboxRelay} publishes it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload)
            VALUES (?, ?, ?, ?, ?, ?::jsonb)
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
     * Records an event to publish once the current transaction commits.
     *
     * @param topic     Kafka topic
     * @param key       Kafka key; events with the same key are published in the order they were written
     * @param eventType CloudEvents type
     * @param subject   CloudEvents subject (may be null)
     * @param payload   the event data, serialized as JSON with the application's ObjectMapper
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID write(String topic, String key, String eventType, String subject, Object payload) {
        UUID id = UUID.randomUUID();
        // The pooled connection is enlisted in the caller's JTA transaction: this row commits or rolls back with it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, eventType);
            insert.setString(5, subject);
            insert.setString(6, objectMapper.writeValueAsString(payload));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Writing a " + eventType + " event to the outbox failed", e);
        }
        written.fire(new OutboxWritten(id));
        return id;
    }
}
