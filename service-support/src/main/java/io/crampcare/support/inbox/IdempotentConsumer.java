package io.crampcare.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.support.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Applies a consumed CloudEvent exactly once in effect. It reads the record (binary mode: {@code ce_*} headers, JSON
 * value), then in one transaction records the {@code ce_id} in {@code processed_event} and runs the effect; an id seen
 * before is skipped. Before anything is applied, the payload is checked against its type's JSON Schema
 * ({@link EventSchemaCheck}). Failures are handled by their {@link FailureClass}: poison (not a CloudEvent of the
 * expected type, one naming another payload schema in {@code ce_dataschema}, not JSON, breaking the schema, or the
 * effect says so) is thrown at once, so the channel's
 * dead-letter strategy parks it and the consumer moves on; a transient failure (no database, a lock or serialization conflict, a timeout) is retried with capped
 * backoff for as long as it lasts, holding the partition so its order is kept, while {@link ConsumerReadiness} says
 * DOWN; any other failure is retried {@code crampcare.inbox.max-attempts} times, then dead-lettered.
 * <p>
 * The record's trace continues here: a CONSUMER span "{@code <topic> process}" is current for the effect, so what it
 * writes to the outbox carries the same trace. Its parent is the span the Kafka connector made current for the record
 * when there is one (same trace), else the record's {@code traceparent} header. Metrics:
 * {@code crampcare.events.consumed{topic,outcome=applied|duplicate}} (committed),
 * {@code crampcare.events.retries{topic,failure=transient|unknown}} per retry, and
 * {@code crampcare.events.dead_lettered{topic}} for records given up (every channel dead-letters what fails).
 * <p>
 * Shutdown: Quarkus closes Hibernate and the datasource before the Kafka connector stops delivering (and the
 * partitions of a consumer that closes first move to one still open), so a record processed then would fail and be
 * dead-lettered, a report lost. From the shutdown event on, effects in progress finish, and records that arrive later
 * wait, neither applied nor acknowledged, until the connector has closed (offsets of what was processed committed, its
 * dead-letter producer closed); then they fail with nowhere to go, and are redelivered after the restart. A record
 * waiting on a transient failure stops waiting the same way.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String RECORD = """
            INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2) ON CONFLICT (event_id) DO NOTHING
            """;

    static final String CONSUMED = "crampcare.events.consumed";
    static final String DEAD_LETTERED = "crampcare.events.dead_lettered";
    static final String RETRIES = "crampcare.events.retries";

    private final EntityManager em;
    private final InboxConfig config;
    // Consumers read leniently (EventJson): a newer producer may add fields and enum constants within a .v1 type.
    private final ObjectMapper reader;
    private final EventSchemaCheck schemas = new EventSchemaCheck();
    private final Tracer tracer;
    private final MeterRegistry registry;
    private final ConsumerReadiness readiness;
    // Each process() holds the read side; shutdown takes the write side to wait for the effects in progress.
    private final ReadWriteLock inFlight = new ReentrantReadWriteLock();
    private final CountDownLatch connectorClosed = new CountDownLatch(1);
    private final CountDownLatch shutdown = new CountDownLatch(1); // ends retry pauses
    private volatile boolean stopping;

    IdempotentConsumer(EntityManager em, InboxConfig config, ObjectMapper objectMapper, Tracer tracer,
            MeterRegistry registry, @Readiness ConsumerReadiness readiness) {
        this.em = em;
        this.readiness = readiness;
        this.config = config;
        this.reader = EventJson.reader(objectMapper);
        this.tracer = tracer;
        this.registry = registry;
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
        inFlight.readLock().lock();
        if (stopping) {
            inFlight.readLock().unlock();
            throw leftForRedelivery(record);
        }
        // Present at 0 from the topic's first record, so dashboards and rate() see the first dead letter.
        registry.counter(DEAD_LETTERED, "topic", record.topic());
        Span span = startSpan(record);
        try (Scope scope = span.makeCurrent()) {
            boolean applied = processOnce(record, expectedType, payloadType, effect);
            registry.counter(CONSUMED, "topic", record.topic(), "outcome", applied ? "applied" : "duplicate").increment();
            return applied;
        } catch (ShutdownDuringRetry e) {
            // Not a dead letter: leave the in-flight set first, so the shutdown does not wait for this record.
        } catch (RuntimeException e) {
            registry.counter(DEAD_LETTERED, "topic", record.topic()).increment();
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
            inFlight.readLock().unlock();
        }
        throw leftForRedelivery(record);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        shutdown.countDown();
        try {
            if (inFlight.writeLock().tryLock(10, TimeUnit.SECONDS)) { // the effects in progress have committed
                inFlight.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After KafkaConnector#terminate (priority 50): the consumers are closed, the dead-letter producers too. */
    void connectorClosed(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        connectorClosed.countDown();
    }

    /** Holds a record that arrived during shutdown until the connector has closed, then fails it (see the class). */
    private RuntimeException leftForRedelivery(ConsumerRecord<String, String> record) {
        LOG.infof("Shutting down: %s %s left for redelivery", record.topic(), header(record, "ce_id"));
        try {
            connectorClosed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Shutting down: not processed, redelivered after the restart");
    }

    /** Ends the retries of a record when the service stops; the record is then left for redelivery. */
    private static final class ShutdownDuringRetry extends RuntimeException {
        ShutdownDuringRetry() {
            super("Shutting down while retrying", null, false, false);
        }
    }

    /**
     * The span for processing a record. SmallRye's Kafka tracing usually makes a span of the record's trace current
     * already; where it did not (or made another current), the record's own header decides.
     */
    private Span startSpan(ConsumerRecord<String, String> record) {
        TraceContext sent = TraceContext.from(record.headers());
        String currentTraceId = Span.current().getSpanContext().getTraceId();
        boolean continuesCurrent = sent == null ? Span.current().getSpanContext().isValid()
                : currentTraceId.equals(sent.traceId());
        if (!continuesCurrent && sent != null) {
            LOG.debugf("%s %s: the record's trace was not current; continuing it from its traceparent header",
                    record.topic(), header(record, "ce_id"));
        }
        return tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(continuesCurrent ? Context.current() : sent == null ? Context.root() : sent.asParent())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", String.valueOf(header(record, "ce_id")))
                .startSpan();
    }

    private <T> boolean processOnce(ConsumerRecord<String, String> record, String expectedType, Class<T> payloadType,
            BiConsumer<String, T> effect) {
        String eventId = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (eventId == null || !expectedType.equals(type)) {
            throw new PoisonMessageException("Not a " + expectedType + " CloudEvent (ce_id " + eventId + ", ce_type " + type + ")");
        }
        schemas.requireDeclaredSchema(type, header(record, "ce_dataschema"), eventId);
        T payload = parse(record.value(), type, payloadType, eventId);
        String partition = record.topic() + "-" + record.partition();
        long delayMs = config.retryDelay().toMillis();
        int unknownFailures = 0;
        try {
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
                } catch (RuntimeException e) {
                    FailureClass failure = FailureClass.of(e);
                    if (failure == FailureClass.POISON) {
                        throw e;
                    }
                    if (failure == FailureClass.UNKNOWN && ++unknownFailures >= config.maxAttempts()) {
                        LOG.errorf(e, "Giving up on %s %s after %d attempts (%d failed for an unknown reason); "
                                + "dead-lettering it", record.topic(), eventId, attempt, unknownFailures);
                        throw e;
                    }
                    registry.counter(RETRIES, "topic", record.topic(), "failure", failure.name().toLowerCase())
                            .increment();
                    if (failure == FailureClass.TRANSIENT) {
                        // The record is fine: hold the partition (order kept) and say so in readiness.
                        readiness.waiting(partition, eventId, attempt, e);
                        logRetry(record, eventId, attempt, e, "transient, retrying until it works");
                    } else {
                        logRetry(record, eventId, attempt, e, "attempt " + unknownFailures + " of " + config.maxAttempts());
                    }
                    pauseBeforeRetry(delayMs);
                    delayMs = Math.min(delayMs * 2, config.maxRetryDelay().toMillis());
                }
            }
        } finally {
            readiness.moving(partition);
        }
    }

    private static void logRetry(ConsumerRecord<String, String> record, String eventId, int attempt, Exception e,
            String what) {
        // The first failures in full, then every tenth in a line: an outage of minutes would otherwise flood the log.
        if (attempt <= 3) {
            LOG.warnf("Processing %s %s failed (%s): %s", record.topic(), eventId, what, e);
        } else if (attempt % 10 == 0) {
            LOG.warnf("Processing %s %s still failing after %d attempts (%s): %s", record.topic(), eventId, attempt,
                    what, e.getMessage());
        }
    }

    /** Waits before a retry; a shutdown ends the wait, and the record is left for redelivery after the restart. */
    private void pauseBeforeRetry(long millis) {
        try {
            if (shutdown.await(millis, TimeUnit.MILLISECONDS)) {
                throw new ShutdownDuringRetry();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShutdownDuringRetry();
        }
    }

    /**
     * The payload as {@code payloadType}, once it is JSON that keeps the contract of {@code type}. The check and the
     * binding read the same tree (one parse), so what is checked is exactly what is applied.
     */
    private <T> T parse(String json, String type, Class<T> payloadType, String eventId) {
        JsonNode tree;
        try {
            tree = json == null ? null : reader.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + eventId + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PoisonMessageException("Event " + eventId + " has no payload");
        }
        schemas.requireValid(type, tree, eventId);
        try {
            return reader.treeToValue(tree, payloadType);
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
}
