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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.ContractSchemas;
import io.crampcare.support.kafka.KafkaClients;
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
 * Failures are told apart. When the broker cannot be reached (nothing in the batch was acknowledged and the cluster
 * does not answer), the whole relay backs off. A failure of a row's own (too large, topic missing or forbidden: the
 * broker took other rows, or answers, or the error is not retriable) gives that row its own backoff, and after
 * {@code crampcare.outbox.max-attempts} of them parks it ({@code parked_at}, shown by {@code GET /api/v1/admin/outbox},
 * retried on demand): it holds back only the later rows of its key, never other keys.
 * <p>
 * Stopping (SIGTERM) lets a batch in flight finish: it marks what the broker acknowledged and commits, so no claim
 * is left held and no acknowledged row is published again. Then no new batch starts.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final int PROBE_TIMEOUT_MS = 2_000;

    // Only the oldest unsent row of each key is claimable: a later row waits until the one before it was
    // acknowledged, whichever replica holds it; a row in its own backoff or parked holds back its key, and only it.
    // SKIP LOCKED lets replicas take disjoint rows without waiting.
    // The plan must not depend on the statistics, which may predate a backlog (V1_7): the key's oldest row is a scalar
    // subquery, which PostgreSQL runs as one probe of outbox_event_unsent_by_key per row scanned (a NOT EXISTS became
    // a join that scanned the backlog once per row), and "<=" rather than "=" (o is one of the key's rows, so the two
    // agree) keeps the planner's row estimate high enough that it walks the seq index and stops at the batch size.
    static final String CLAIM = """
            SELECT o.id, o.topic, o.message_key, o.event_type, o.subject, o.payload::text, o.created_at,
                   o.traceparent, o.tracestate
            FROM outbox_event o
            WHERE o.sent_at IS NULL AND o.parked_at IS NULL
              AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
              AND o.seq <= (SELECT min(oldest.seq) FROM outbox_event oldest
                            WHERE oldest.message_key = o.message_key AND oldest.sent_at IS NULL)
            ORDER BY o.seq
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED
            """;
    private static final String MARK_SENT = """
            UPDATE outbox_event SET sent_at = now(), last_error = NULL WHERE id = ANY (?)
            """;
    // A failure of the row's own: its next attempt after its own backoff, parked after max-attempts of them.
    private static final String MARK_FAILED = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = left(?, 1000),
                   next_attempt_at = now() + least(? * power(2, attempts), ?) * interval '1 millisecond',
                   parked_at = CASE WHEN attempts + 1 >= ? THEN now() END
            WHERE id = ?
            RETURNING parked_at IS NOT NULL
            """;
    // The broker was unreachable: not the row's fault, so it neither backs off alone nor moves towards parking.
    private static final String MARK_UNDELIVERED = """
            UPDATE outbox_event SET last_error = left(?, 1000) WHERE id = ?
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
    private Admin admin; // made when first needed, by the worker thread only
    private final Set<String> existingTopics = new HashSet<>(); // worker thread only
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
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
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
        Map<String, Object> props = KafkaClients.reliableProducer(kafkaConfig, applicationName + "-outbox",
                config.sendTimeout());
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // the most that keeps order, idempotent
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
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
            } while (running && !result.brokerUnavailable() && result.claimed() > 0);
            if (result.brokerUnavailable()) {
                LOG.warnf("Outbox: %d of %d events not acknowledged and the broker does not answer (%s); backing off",
                        result.failed(), result.claimed(), result.firstError());
            }
            return !result.brokerUnavailable();
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
                Map<PendingEvent, Failure> failures = new LinkedHashMap<>();
                publish(batch, sent, failures);
                markSent(connection, sent);
                published.increment(sent.size());
                failed.increment(failures.size());
                if (failures.isEmpty()) {
                    return new BatchResult(batch.size(), 0, false, null);
                }
                // Whether the broker is there decides whose failure it is; ask it only when the batch cannot tell.
                boolean brokerAnswers = !sent.isEmpty()
                        || failures.values().stream().allMatch(f -> !f.retriable())
                        || brokerAnswers();
                if (brokerAnswers) {
                    markFailed(connection, failures);
                } else {
                    markUndelivered(connection, failures);
                }
                return new BatchResult(batch.size(), failures.size(), !brokerAnswers,
                        failures.values().iterator().next().message());
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

    /**
     * Sends every claimed row (one per key), then waits for each acknowledgement. A row for a topic that does not exist
     * fails at once, unsent: send() would block the relay while it waited for the topic's metadata.
     */
    private void publish(List<PendingEvent> batch, List<UUID> sent, Map<PendingEvent, Failure> failures) {
        Set<String> missing = missingTopics(batch);
        List<InFlight> inFlight = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            if (missing.contains(event.topic())) {
                failures.put(event, new Failure("Topic " + event.topic() + " does not exist", false));
            } else {
                inFlight.add(send(event));
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos() + 1_000_000_000L;
        for (InFlight record : inFlight) {
            Failure failure = awaitAck(record.ack(), deadline);
            if (failure == null) {
                sent.add(record.event().id());
            } else {
                failures.put(record.event(), failure);
                record.span().setStatus(StatusCode.ERROR, failure.message());
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
        // Every type the services write names its schema; a row of any other type goes out without one.
        ContractSchemas.dataSchema(event.type()).ifPresent(uri -> header(headers, "ce_dataschema", uri.toString()));
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
    private static Failure awaitAck(Future<?> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Failure(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    cause instanceof RetriableException);
        } catch (TimeoutException e) {
            return new Failure("no acknowledgement in time", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("interrupted", true);
        }
    }

    /**
     * The topics of this batch that the broker says do not exist. Each topic is asked about once, then remembered as
     * existing; when the broker cannot be asked, none is taken as missing (sending will tell).
     */
    private Set<String> missingTopics(List<PendingEvent> batch) {
        Set<String> unknown = new HashSet<>();
        batch.forEach(event -> {
            if (!existingTopics.contains(event.topic())) {
                unknown.add(event.topic());
            }
        });
        if (unknown.isEmpty()) {
            return Set.of();
        }
        Set<String> missing = new HashSet<>();
        try {
            Map<String, KafkaFuture<TopicDescription>> described = admin()
                    .describeTopics(unknown, new DescribeTopicsOptions().timeoutMs(PROBE_TIMEOUT_MS)).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
                try {
                    topic.getValue().get(PROBE_TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
                    existingTopics.add(topic.getKey());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        missing.add(topic.getKey());
                    }
                }
            }
        } catch (TimeoutException | KafkaException e) {
            // cannot tell now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return missing;
    }

    /** Whether the cluster answers at all (a short describe-cluster call), when no row of a batch got through. */
    private boolean brokerAnswers() {
        try {
            return !admin().describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS)).nodes()
                    .get(PROBE_TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(KafkaClients.settings(kafkaConfig, applicationName + "-outbox-probe"));
        }
        return admin;
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

    /** Records each row's own failure: its backoff, and parking once it has failed max-attempts times. */
    private void markFailed(Connection connection, Map<PendingEvent, Failure> failures) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            for (Map.Entry<PendingEvent, Failure> entry : failures.entrySet()) {
                PendingEvent event = entry.getKey();
                update.setString(1, entry.getValue().message());
                update.setLong(2, FIRST_BACKOFF.toMillis());
                update.setLong(3, config.maxBackoff().toMillis());
                update.setInt(4, config.maxAttempts());
                update.setObject(5, event.id());
                try (ResultSet parked = update.executeQuery()) {
                    if (parked.next() && parked.getBoolean(1)) {
                        LOG.errorf("Outbox event %s (%s, key %s) parked after %d failed attempts: %s; it holds back "
                                + "only its key's later events. Retry: POST /api/v1/admin/outbox/parked/%s/retry",
                                event.id(), event.topic(), event.key(), config.maxAttempts(),
                                entry.getValue().message(), event.id());
                    } else {
                        LOG.warnf("Outbox event %s (%s, key %s) failed on its own: %s; retrying it after a backoff",
                                event.id(), event.topic(), event.key(), entry.getValue().message());
                    }
                }
            }
        }
    }

    private static void markUndelivered(Connection connection, Map<PendingEvent, Failure> failures)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_UNDELIVERED)) {
            for (Map.Entry<PendingEvent, Failure> entry : failures.entrySet()) {
                update.setString(1, entry.getValue().message());
                update.setObject(2, entry.getKey().id());
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

    /** Why a row was not acknowledged, and whether trying again can help (Kafka's RetriableException). */
    private record Failure(String message, boolean retriable) {
    }

    /**
     * What one relay transaction did: rows claimed, rows not acknowledged (left for a retry), whether that was because
     * the broker could not be reached (the relay then backs off), the first error.
     */
    record BatchResult(int claimed, int failed, boolean brokerUnavailable, String firstError) {
        static final BatchResult EMPTY = new BatchResult(0, 0, false, null);
    }
}
