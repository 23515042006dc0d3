package io.crampcare.support.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
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
 * the order they were written, even across replicas and failures. A crash between the broker's acknowledgement and
 * the commit republishes a row: consumers are idempotent on the CloudEvent id.
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
 * <p>
 * The parts: {@link BatchPublisher} (one transaction: claim, send, record the outcome), {@link RelayStore} (the SQL),
 * {@link OutboxSender} (producer, acknowledgements, whose failure), {@link CloudEventsCodec} (row to record),
 * {@link BrokerProbe} (what only the cluster can tell); this class runs them on its worker thread and owns their life
 * cycle: start, wake-ups, backoff, stop.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // Both the relay's backoff and a failing row's own double from here.
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

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
    private BrokerProbe probe;
    private OutboxSender sender;
    private BatchPublisher publisher;

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (crampcare.outbox.relay-enabled=false)");
            return;
        }
        probe = new BrokerProbe(KafkaClients.settings(kafkaConfig, applicationName + "-outbox-probe"));
        sender = new OutboxSender(kafkaConfig, applicationName + "-outbox", config.sendTimeout(),
                new CloudEventsCodec(config.source()), probe, tracer);
        publisher = new BatchPublisher(dataSource, new RelayStore(new RelayStore.RowBackoff(FIRST_BACKOFF,
                config.maxBackoff(), config.maxAttempts())), sender, config, BatchPublisher.Counts.of(registry));
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
        sender.close();
        probe.close();
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
     * Publishes batches while the last one may have left rows this replica can claim now, then goes back to waiting:
     * for a commit's wake-up, or the poll.
     *
     * @return false when something failed and the relay should back off
     */
    private boolean drain() {
        try {
            BatchPublisher.BatchResult result;
            do {
                result = publisher.publishBatch();
            } while (running && !result.brokerUnavailable() && mayHaveLeftClaimableRows(result));
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

    /**
     * Whether claiming again right away can find anything. A claim takes each key's oldest unsent row, in seq order,
     * up to the batch size, skipping rows another replica holds. So after a batch only two kinds of row can be
     * claimable that it did not take: rows beyond a full batch, and the next row of a key whose row this batch sent
     * (claimable from its commit on; {@link RelayStore#markSent} counts them; rarely another replica is quicker).
     * Anything else needs no claim now: rows another replica holds are its to publish (it claims their keys' next
     * rows itself), a row in its own backoff waits for the poll, a parked row for an operator, a row behind a failed
     * one waits with it, and a row committed after the claim comes with a wake-up of its own. Claiming until a claim
     * came back empty cost one empty claim per wake-up (a third of relay transactions in the profile, issue 29).
     */
    private boolean mayHaveLeftClaimableRows(BatchPublisher.BatchResult result) {
        return result.claimed() >= config.batchSize() || result.unblocked() > 0;
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
}
