package io.crampcare.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Applies a consumed CloudEvent exactly once in effect. It reads the record (binary mode: {@code ce_*} headers, JSON
 * value), then in one transaction records the {@code ce_id} in {@code processed_event} and runs the effect; an id seen
 * before is skipped. Transient failures are retried a bounded number of times; a record that is not a valid event of
 * the expected type fails at once. Whatever still fails is thrown, so the channel's dead-letter strategy parks it and
 * the consumer moves on.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String RECORD = """
            INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2) ON CONFLICT (event_id) DO NOTHING
            """;

    private final EntityManager em;
    private final InboxConfig config;
    // Consumers read leniently: a newer producer may add fields within the same .v1 type.
    private final ObjectMapper reader;

    IdempotentConsumer(EntityManager em, InboxConfig config, ObjectMapper objectMapper) {
        this.em = em;
        this.config = config;
        this.reader = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Processes one record.
     *
     * @param record       the Kafka record, value as JSON text
     * @param expectedType the CloudEvents type this channel carries
     * @param payloadType  the payload record class
     * @param effect       what to do with (ce_id, payload), inside the transaction
     * @return true when applied now, false when the event had been processed before
     */
    public <T> boolean process(ConsumerRecord<String, String> record, String expectedType, Class<T> payloadType,
            BiConsumer<String, T> effect) {
        String eventId = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (eventId == null || !expectedType.equals(type)) {
            throw new PoisonMessageException("Not a " + expectedType + " CloudEvent (ce_id " + eventId + ", ce_type " + type + ")");
        }
        T payload = parse(record.value(), payloadType, eventId);
        long delayMs = config.retryDelay().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstTime(eventId, record.topic())) {
                        LOG.debugf("Skipping %s %s: processed before", record.topic(), eventId);
                        return false;
                    }
                    effect.accept(eventId, payload);
                    return true;
                });
            } catch (PoisonMessageException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    throw e;
                }
                LOG.warnf("Processing %s %s failed (attempt %d of %d): %s; retrying", record.topic(), eventId, attempt,
                        config.maxAttempts(), e.getMessage());
                sleep(delayMs);
                delayMs *= 2;
            }
        }
    }

    private <T> T parse(String json, Class<T> payloadType, String eventId) {
        if (json == null) {
            throw new PoisonMessageException("Event " + eventId + " has no payload");
        }
        try {
            return reader.readValue(json, payloadType);
        } catch (Exception e) {
            throw new PoisonMessageException("Event " + eventId + " is not a valid " + payloadType.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private boolean firstTime(String eventId, String topic) {
        return em.createNativeQuery(RECORD).setParameter(1, eventId).setParameter(2, topic).executeUpdate() == 1;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldIds() {
        int deleted = em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, Instant.now().minus(config.retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.infof("Forgot %d processed event ids older than %s", deleted, config.retention());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
