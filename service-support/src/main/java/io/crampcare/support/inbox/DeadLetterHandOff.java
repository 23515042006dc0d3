package io.crampcare.support.inbox;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Gives one record up: nacks it alone with its cause, so the channel's dead-letter strategy parks it on
 * {@code <topic>.dlq} (and then acknowledges it), and waits for that write. Never a whole batch: SmallRye nacks every
 * record of a nacked batch. Counts {@code crampcare.events.dead_lettered{topic}}.
 */
@ApplicationScoped
public class DeadLetterHandOff {

    private static final Logger LOG = Logger.getLogger(DeadLetterHandOff.class);
    static final String DEAD_LETTERED = "crampcare.events.dead_lettered";

    private final MeterRegistry registry;

    DeadLetterHandOff(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Present at 0 from a topic's first record, so dashboards and rate() see the first dead letter. */
    void register(String topic) {
        registry.counter(DEAD_LETTERED, "topic", topic);
    }

    /**
     * Dead-letters {@code record} for {@code cause}; waits until the dead-letter topic has it (the strategy then
     * acknowledges it). False when that failed: the record stays unacknowledged.
     */
    boolean deadLetter(KafkaRecord<String, String> record, Throwable cause) {
        registry.counter(DEAD_LETTERED, "topic", record.getTopic()).increment();
        // The reason goes with the record (dead-letter-reason header), not to the log: it may quote the payload.
        LOG.infof("Dead-lettering %s (%s)", where(record), cause.getClass().getSimpleName());
        try {
            record.nack(cause).toCompletableFuture().get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledged either: the record is consumed again after a restart or rebalance.
            LOG.errorf("Dead-lettering %s failed; it stays unacknowledged and is redelivered: %s", where(record), e);
            return false;
        }
    }

    /** A consumed record's place: {@code topic-partition@offset}. */
    static String where(KafkaRecord<?, ?> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + record
                .getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
    }
}
