package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.EventDescriptor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * The service stops with a batch in flight: the shutdown waits for it, and a batch polled after the shutdown began is
 * neither applied nor acknowledged nor dead-lettered, so it is redelivered after the restart.
 */
class ShutdownWithABatchInFlightTest {

    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger nacks = new AtomicInteger();

    @Test
    void theBatchInFlightFinishesAndALaterOneIsLeftForRedelivery() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ShutdownGate gate = new ShutdownGate();
        InboxConfig config = new InboxConfig() {
            public int maxAttempts() {
                return 5;
            }

            public Duration retryDelay() {
                return Duration.ofMillis(10);
            }

            public Duration maxRetryDelay() {
                return Duration.ofMillis(10);
            }

            public Duration retention() {
                return Duration.ofDays(30);
            }
        };
        // No database: a store that were used would fail the test.
        BatchConsumer consumer = new BatchConsumer(new EventReader(new ObjectMapper()), new InboxStore(null, config),
                new RetryPolicy(config, registry, new ConsumerReadiness(), gate), new DeadLetterHandOff(registry), gate,
                OpenTelemetry.noop().getTracer("test"), registry, null, null);

        assertTrue(gate.enter(), "a batch in flight");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> gate.stop(null));
        Thread.sleep(300);
        assertFalse(stopping.isDone(), "the shutdown waits for the batch in flight");
        gate.leave();
        stopping.get(5, TimeUnit.SECONDS);
        gate.connectorClosed(null);

        AtomicInteger applied = new AtomicInteger();
        EventDescriptor<Map> event = new EventDescriptor<>("cramp-reports", "t.v1", Map.class, payload -> "k");
        consumer.consume(batch(), new EventKind<>(event, (id, payload) -> {
        }), events -> applied.addAndGet(events.size())).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(0, applied.get(), "not applied");
        assertEquals(0, acks.get(), "not acknowledged: redelivered after the restart");
        assertEquals(0, nacks.get(), "not dead-lettered");
    }

    private IncomingKafkaRecordBatch<String, String> batch() {
        TopicPartition partition = new TopicPartition("cramp-reports", 0);
        ConsumerRecords<String, String> records = new ConsumerRecords<>(Map.of(partition, List.of(
                new ConsumerRecord<>("cramp-reports", 0, 7L, "ann", "{}"),
                new ConsumerRecord<>("cramp-reports", 0, 8L, "bob", "{}"))));
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acks.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                nacks.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
        };
        return new IncomingKafkaRecordBatch<>(records, "cramp-reports", 0, commits, failures, false, false);
    }
}
