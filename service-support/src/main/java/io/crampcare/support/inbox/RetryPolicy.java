package io.crampcare.support.inbox;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.crampcare.support.failure.FailureClass;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How long an attempt to apply consumed records is repeated, by its {@link FailureClass}: poison gives up at once; a
 * transient failure is retried with capped exponential backoff ({@code crampcare.inbox.retry-delay} doubling up to
 * {@code max-retry-delay}) for as long as it lasts, holding the partitions (order kept) while {@link ConsumerReadiness}
 * says DOWN; an unknown failure is retried until the attempt's own bound. A shutdown ends the pause
 * ({@link StoppedWhileRetrying}). Counts {@code crampcare.events.retries{topic,failure}} per retry.
 */
@ApplicationScoped
public class RetryPolicy {

    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);
    static final String RETRIES = "crampcare.events.retries";

    private final InboxConfig config;
    private final MeterRegistry registry;
    private final ConsumerReadiness readiness;
    private final ShutdownGate gate;

    RetryPolicy(InboxConfig config, MeterRegistry registry, @Readiness ConsumerReadiness readiness, ShutdownGate gate) {
        this.config = config;
        this.registry = registry;
        this.readiness = readiness;
        this.gate = gate;
    }

    /**
     * What is attempted: records of {@code topic} in {@code partitions} (topic-partition names), named in logs and
     * readiness by {@code eventId} (the first one), and how many unknown failures it takes to give up.
     */
    public record Attempt(String topic, Collection<String> partitions, String eventId, String what,
            int unknownAttempts) {
    }

    /** An attempt on one record: unknown failures given up after {@code crampcare.inbox.max-attempts}. */
    Attempt ofRecord(String topic, String partition, String eventId) {
        return new Attempt(topic, List.of(partition), eventId, eventId, config.maxAttempts());
    }

    /**
     * An attempt on a batch: an unknown or poison failure gives up at once (the caller goes record by record then, to
     * find the one that fails); a transient one is retried as for a single record.
     */
    Attempt ofBatch(String topic, Collection<String> partitions, String firstEventId, int records) {
        return new Attempt(topic, partitions, firstEventId, "a batch of " + records + " from " + firstEventId, 1);
    }

    /**
     * Runs {@code work} until it succeeds or the failure is given up (then rethrown).
     *
     * @throws StoppedWhileRetrying when the service stops during a pause: the records are left for redelivery
     */
    public <R> R run(Attempt attempt, Supplier<R> work) {
        long delayMs = config.retryDelay().toMillis();
        int unknownFailures = 0;
        try {
            for (int n = 1;; n++) {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    FailureClass failure = FailureClass.of(e);
                    if (failure == FailureClass.POISON) {
                        throw e;
                    }
                    if (failure == FailureClass.UNKNOWN && ++unknownFailures >= attempt.unknownAttempts()) {
                        if (attempt.unknownAttempts() > 1) {
                            LOG.errorf(e, "Giving up on %s %s after %d attempts (%d failed for an unknown reason)",
                                    attempt.topic(), attempt.what(), n, unknownFailures);
                        }
                        throw e;
                    }
                    registry.counter(RETRIES, "topic", attempt.topic(), "failure", failure.name().toLowerCase())
                            .increment();
                    if (failure == FailureClass.TRANSIENT) {
                        // The records are fine: hold the partitions (order kept) and say so in readiness.
                        for (String partition : attempt.partitions()) {
                            readiness.waiting(partition, attempt.eventId(), n, e);
                        }
                        logRetry(attempt, n, e, "transient, retrying until it works");
                    } else {
                        logRetry(attempt, n, e, "attempt " + unknownFailures + " of " + attempt.unknownAttempts());
                    }
                    if (gate.stopsWithin(delayMs)) {
                        throw new StoppedWhileRetrying();
                    }
                    delayMs = nextDelay(delayMs, config.maxRetryDelay().toMillis());
                }
            }
        } finally {
            attempt.partitions().forEach(readiness::moving);
        }
    }

    /** The pause after {@code delayMs}: doubled, capped at {@code maxMs}. */
    static long nextDelay(long delayMs, long maxMs) {
        return Math.min(delayMs * 2, maxMs);
    }

    private static void logRetry(Attempt attempt, int n, Exception e, String what) {
        // The first failures in full, then every tenth in a line: an outage of minutes would otherwise flood the log.
        if (n <= 3) {
            LOG.warnf("Processing %s %s failed (%s): %s", attempt.topic(), attempt.what(), what, e);
        } else if (n % 10 == 0) {
            LOG.warnf("Processing %s %s still failing after %d attempts (%s): %s", attempt.topic(), attempt.what(), n,
                    what, e.getMessage());
        }
    }

    /** Ends the retries when the service stops; the records are then left for redelivery. */
    static final class StoppedWhileRetrying extends RuntimeException {
        StoppedWhileRetrying() {
            super("Shutting down while retrying", null, false, false);
        }
    }
}
