package io.crampcare.support.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Settles a processed batch with Kafka: acknowledges or dead-letters every record, in offset order, once all are
 * decided, and ends each record's span. SmallRye's throttled commit tracks only the last record of each partition in a
 * batch, and its acknowledgement commits the whole batch of that partition: so nothing is settled before the
 * transaction has committed, and nothing after a record left for redelivery (or one whose dead-letter write failed) in
 * its partition. Counts {@code crampcare.events.consumed{topic,outcome=applied|duplicate|erased-subject}}.
 */
record Settlement(DeadLetterHandOff handOff, MeterRegistry registry) {

    // The consumer's category: operators grep for it.
    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    static final String CONSUMED = "crampcare.events.consumed";

    /** Present at 0 from a topic's first record: {@code crampcare.events.dead_lettered{topic}}. */
    void register(String topic) {
        handOff.register(topic);
    }

    /** Settles {@code records}; a null outcome leaves its record (and its partition's later ones) unacknowledged. */
    void settle(List<KafkaRecord<String, String>> records, RecordOutcome[] outcomes, Span[] spans) {
        Set<Integer> held = new HashSet<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, String> record = records.get(i);
            RecordOutcome outcome = outcomes[i];
            if (outcome == null || held.contains(record.getPartition())) {
                held.add(record.getPartition());
                LOG.infof("%s left unacknowledged for redelivery", DeadLetterHandOff.where(record));
            } else if (outcome.failure() != null) {
                spans[i].recordException(outcome.failure());
                spans[i].setStatus(StatusCode.ERROR, outcome.failure().getClass().getSimpleName());
                if (!handOff.deadLetter(record, outcome.failure())) {
                    held.add(record.getPartition());
                }
            } else {
                registry.counter(CONSUMED, "topic", record.getTopic(), "outcome",
                        outcome.counted()).increment();
                acks.add(record.ack().toCompletableFuture());
            }
            spans[i].end();
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Committed all the same: a record whose offset is not committed comes again, and is a duplicate then.
            LOG.warnf("Acknowledging %d %s records failed; they may be redelivered (and skipped): %s", acks.size(),
                    records.get(0).getTopic(), e);
        }
    }
}
