package io.crampcare.support.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode) and marks them sent only after the broker acknowledged
 * them (acks=all, idempotent producer). One worker thread per process; a commit that wrote a row wakes it at once,
 * and a short poll catches anything else (rows left by a crashed replica, retries after an outage).
 * <p>
 * Several replicas may run: each claims rows with {@code FOR UPDATE SKIP LOCKED}, so a row is published by one of
 * them. Only the oldest unsent row of each Kafka key can be claimed, so a key's events go out one after another, in
 * the order they were written, even across replicas and failures. A crash between the broker's acknowledgement and the commit republishes a row: consumers are
 * idempotent on the CloudEvent id.
 * <p>
 * Each record carries a {@code traceparent} header: a PRODUCER span "{@code <topic> publish}" whose parent is the
 * trace context stored with the row, so the consumer continues the trace of whatever wrote the event.
 * <p>
 * Stopping (SIGTERM) lets a batch in flight finish: it marks what the broker acknowledged and commits, so no claim
 * is left held and no acknowledged row is published again. Then no new batch starts.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    // Only the oldest unsent row of each key is claimable: a later row waits until the one before it was
    // acknowledged, whichever replica holds it. SKIP LOCKED lets replicas take disjoint rows without waiting.
    static final String CLAIM = """
            SELECT o.id, o.topic, o.message_key, o.event_type, o.subject, o.payload::text, o.created_at,
                   o.traceparent, o.tracestate
            FROM outbox_event o
            WHERE o.sent_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                              WHERE earlier.message_key = o.message_key AND earlier.sent_at IS NULL
                                AND earlier.seq < o.seq)
            ORDER BY o.seq
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED
            """;
    private static final String MARK_SENT = """
            UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY (?)
            """;
    private static final String MARK_FAILED = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = left(?, 1000) WHERE id = ?
            """;

    @Inject
    OutboxConfig config;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;
    @Inject
    Tracer tracer;

    private final Semaphore wakeUps = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private Thread worker;
    private Producer<String, byte[]> producer;
    private Counter published;
    private Counter failed;

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (crampcare.outbox.relay-enabled=false)");
            return;
        }
        published = registry.counter("crampcare.outbox.published");
        failed = registry.counter("crampcare.outbox.publish.failures");
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("Outbox relay started (poll every %s, batches of %d, source %s)", config.pollInterval(),
                config.batchSize(), config.source());
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker == null) {
            return;
        }
        long started = System.nanoTime();
        running = false;
        stopping.countDown(); // ends a backoff pause
        wakeUps.release(); // ends an idle wait
        // No interrupt while a batch is in flight: it would give up waiting for acknowledgements, and rows the broker
        // did take would be marked failed and published again. A batch ends within the send timeout.
        join(config.sendTimeout().toMillis() + 5_000);
        if (worker.isAlive()) {
            // Stuck (the database?): interrupt; whatever is uncommitted rolls back when the connection goes.
            worker.interrupt();
            join(2_000);
        }
        producer.close(Duration.ofSeconds(5));
        worker = null;
        LOG.infof("Outbox relay stopped in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void join(long millis) {
        try {
            worker.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publish right after the writing transaction commits; the poll is only the fallback. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUps.release();
    }

    private Map<String, Object> producerConfig() {
        // Start from the application's kafka.* settings (bootstrap servers, security), then fix what delivery needs.
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        long sendTimeoutMs = config.sendTimeout().toMillis();
        long requestTimeoutMs = Math.max(1_000, sendTimeoutMs / 2);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(sendTimeoutMs, requestTimeoutMs + 1));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs);
        return props;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wakeUps.drainPermits();
            if (!running) {
                return;
            }
            if (drain()) {
                backoff = FIRST_BACKOFF;
            } else if (running) {
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /**
     * Publishes batches until none is left. A batch holds one row per key, so a key's next row becomes claimable only
     * after the batch before it; hence "until a batch claims nothing", not "until a batch is short".
     *
     * @return false when something failed and the relay should back off
     */
    private boolean drain() {
        try {
            BatchResult result;
            do {
                result = publishBatch();
            } while (running && result.complete() && result.claimed() > 0);
            if (!result.complete()) {
                LOG.warnf("Outbox: %d of %d events not acknowledged (%s); backing off", result.failed(),
                        result.claimed(), result.firstError());
            }
            return result.complete();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("Outbox relay round failed; backing off", e);
            }
            return false;
        }
    }

    /** Claims up to one batch of unsent rows, publishes them and records the outcome, in one transaction. */
    BatchResult publishBatch() {
        int timeoutSeconds = (int) config.sendTimeout().toSeconds() + 30;
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<PendingEvent> batch = claim(connection);
                if (batch.isEmpty()) {
                    return BatchResult.EMPTY;
                }
                List<UUID> sent = new ArrayList<>();
                Map<UUID, String> errors = new LinkedHashMap<>();
                publish(batch, sent, errors);
                markSent(connection, sent);
                markFailed(connection, errors);
                published.increment(sent.size());
                failed.increment(errors.size());
                String firstError = errors.isEmpty() ? null : errors.values().iterator().next();
                return new BatchResult(batch.size(), batch.size() - sent.size(), firstError);
            }
        });
    }

    private List<PendingEvent> claim(Connection connection) throws SQLException {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, config.batchSize());
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    batch.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class),
                            rows.getString(8) == null ? null : new TraceContext(rows.getString(8), rows.getString(9))));
                }
            }
        }
        return batch;
    }

    /** Sends every claimed row (one per key), then waits for each acknowledgement. */
    private void publish(List<PendingEvent> batch, List<UUID> sent, Map<UUID, String> errors) {
        List<InFlight> inFlight = new ArrayList<>(batch.size());
        batch.forEach(event -> inFlight.add(send(event)));
        long deadline = System.nanoTime() + config.sendTimeout().toNanos() + 1_000_000_000L;
        for (InFlight record : inFlight) {
            String error = awaitAck(record.ack(), deadline);
            if (error == null) {
                sent.add(record.event().id());
            } else {
                errors.put(record.event().id(), error);
                record.span().setStatus(StatusCode.ERROR, error);
            }
            record.span().end();
        }
    }

    private InFlight send(PendingEvent event) {
        // The stored context is the parent; rows written outside any trace start one here.
        SpanBuilder builder = tracer.spanBuilder(event.topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id().toString());
        Span span = (event.trace() == null ? builder.setNoParent() : builder.setParent(event.trace().asParent()))
                .startSpan();
        Future<?> ack;
        try {
            ack = producer.send(toRecord(event, TraceContext.of(Context.root().with(span))));
        } catch (KafkaException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        return new InFlight(event, span, ack);
    }

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id().toString());
        header(headers, "ce_source", config.source());
        header(headers, "ce_type", event.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt().toInstant()));
        if (event.subject() != null) {
            header(headers, "ce_subject", event.subject());
        }
        header(headers, "content-type", "application/json");
        if (trace != null) {
            trace.writeTo(headers);
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the broker's acknowledgement; returns null when acknowledged, else why not. */
    private static String awaitAck(Future<?> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "no acknowledgement in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void markSent(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            update.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, Map<UUID, String> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            for (Map.Entry<UUID, String> error : errors.entrySet()) {
                update.setString(1, error.getValue());
                update.setObject(2, error.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits out a backoff, or less when the relay is stopping. */
    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingEvent(UUID id, String topic, String key, String type, String subject, String payload,
            OffsetDateTime createdAt, TraceContext trace) {
    }

    /** A sent record waiting for its acknowledgement, and its publish span. */
    private record InFlight(PendingEvent event, Span span, Future<?> ack) {
    }

    /** What one relay transaction did: rows claimed, rows not acknowledged (left for a retry), the first error. */
    record BatchResult(int claimed, int failed, String firstError) {
        static final BatchResult EMPTY = new BatchResult(0, 0, null);

        boolean complete() {
            return failed == 0;
        }
    }
}
