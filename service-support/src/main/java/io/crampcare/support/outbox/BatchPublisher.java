package io.crampcare.support.outbox;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One relay transaction: claims up to a batch of unsent rows ({@link RelayStore}), publishes them
 * ({@link OutboxSender}) and records what became of each, then commits, so a claim and its outcome commit together.
 * Counts {@code crampcare.outbox.published}, {@code crampcare.outbox.publish.failures} and
 * {@code crampcare.outbox.claims{outcome=empty|rows}} ({@link Counts}); logs each row's own failure (as the relay).
 */
record BatchPublisher(AgroalDataSource dataSource, RelayStore store, OutboxSender sender, OutboxConfig config,
        Counts counts) {

    // The relay's category: operators grep for it.
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Claims up to one batch of unsent rows, publishes them and records the outcome, in one transaction. */
    BatchResult publishBatch() {
        int timeoutSeconds = (int) config.sendTimeout().toSeconds() + 30;
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<ClaimedEvent> batch = store.claim(connection, config.batchSize());
                if (batch.isEmpty()) {
                    counts.emptyClaims().increment();
                    return BatchResult.EMPTY;
                }
                counts.claimsWithRows().increment();
                OutboxSender.Outcome outcome = sender.send(batch);
                int unblocked = store.markSent(connection, outcome.sent());
                counts.published().increment(outcome.sent().size());
                counts.failed().increment(outcome.failures().size());
                if (outcome.failures().isEmpty()) {
                    return new BatchResult(batch.size(), 0, unblocked, false, null);
                }
                if (outcome.brokerUnreachable()) {
                    store.markUndelivered(connection, outcome.failures());
                } else {
                    logOwnFailures(outcome.failures(), store.markFailed(connection, outcome.failures()));
                }
                return new BatchResult(batch.size(), outcome.failures().size(), unblocked,
                        outcome.brokerUnreachable(), outcome.failures().values().iterator().next().message());
            }
        });
    }

    private void logOwnFailures(Map<ClaimedEvent, SendFailure> failures, Set<UUID> parked) {
        failures.forEach((event, failure) -> {
            if (parked.contains(event.id())) {
                // Not the key: it is the user's id, and logs name no user (issue 32); the event id finds the row.
                LOG.errorf("Outbox event %s (%s) parked after %d failed attempts: %s; it holds back "
                        + "only its key's later events. Retry: POST /api/v1/admin/outbox/parked/%s/retry",
                        event.id(), event.topic(), config.maxAttempts(), failure.message(), event.id());
            } else {
                LOG.warnf("Outbox event %s (%s) failed on its own: %s; retrying it after a backoff",
                        event.id(), event.topic(), failure.message());
            }
        });
    }

    /** The relay's counters: rows published, rows that failed, claims that found nothing, claims that found rows. */
    record Counts(Counter published, Counter failed, Counter emptyClaims, Counter claimsWithRows) {

        static Counts of(MeterRegistry registry) {
            return new Counts(registry.counter("crampcare.outbox.published"),
                    registry.counter("crampcare.outbox.publish.failures"),
                    registry.counter("crampcare.outbox.claims", "outcome", "empty"),
                    registry.counter("crampcare.outbox.claims", "outcome", "rows"));
        }
    }

    /**
     * What one relay transaction did: rows claimed, rows not acknowledged (left for a retry), rows sent whose key has
     * a later row waiting, whether the failures were because the broker could not be reached (the relay then backs
     * off), the first error.
     */
    record BatchResult(int claimed, int failed, int unblocked, boolean brokerUnavailable, String firstError) {
        static final BatchResult EMPTY = new BatchResult(0, 0, 0, false, null);
    }
}
