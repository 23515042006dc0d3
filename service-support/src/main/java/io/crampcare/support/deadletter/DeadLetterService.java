package io.crampcare.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.crampcare.support.deadletter.ReplayResult.Item;
import io.crampcare.support.deadletter.ReplayResult.Outcome;
import io.crampcare.support.kafka.KafkaClients;
import io.crampcare.support.paging.PageRequest;
import io.smallrye.common.annotation.Identifier;

/**
 * Lists and replays the dead letters of this service's consumers. A replay publishes each matching record again to
 * the topic it was consumed from, with its original key, value and CloudEvents headers ({@code ce_*},
 * {@code content-type}, {@code traceparent}, {@code tracestate}), without the {@code dead-letter-*} headers, plus
 * {@code crampcare-replayed-from}. The CloudEvent id is kept, so the consumers, idempotent on it, apply a replayed
 * event at most once however often it is replayed. acks=all, idempotent producer; the call answers only after the
 * broker acknowledged every record. The dead letters stay where they are (topics are append-only).
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);
    /** The headers a replayed record keeps: the CloudEvent, its content type and its trace. */
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "traceparent", "tracestate");

    @Inject
    DeadLetterTopics topics;
    @Inject
    DeadLetterLog log;
    @Inject
    DeadLetterConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final AtomicInteger producers = new AtomicInteger();

    /** One page of the topic's dead letters that match the filter; 404 for a topic this service does not declare. */
    public DeadLetterPage list(String topic, DeadLetterFilter filter, int pageSize, DeadLetterPosition after) {
        topics.sourcesOf(topic);
        List<ConsumerRecord<byte[], byte[]>> rows = new ArrayList<>();
        PageRequest page = new PageRequest(pageSize, null);
        DeadLetterLog.Extent extent = log.scan(topic, after == null ? DeadLetterPosition.START : after, filter, record -> {
            rows.add(record);
            return rows.size() < page.fetchSize();
        });
        // The record past the page is where the next page starts.
        String next = rows.size() > pageSize
                ? new DeadLetterPosition(rows.get(pageSize).partition(), rows.get(pageSize).offset()).encode()
                : null;
        List<DeadLetter> items = rows.stream().limit(pageSize).map(DeadLetter::of).toList();
        return new DeadLetterPage(topic, extent.held(), items, next);
    }

    /** Replays (or, on a dry run, only reports) the topic's dead letters that match the filter. */
    public ReplayResult replay(String topic, DeadLetterFilter filter, boolean dryRun) {
        Set<String> sources = topics.sourcesOf(topic);
        List<Item> items = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        long started = System.nanoTime();
        Producer<byte[], byte[]> producer = dryRun ? null : newProducer();
        try {
            log.scan(topic, DeadLetterPosition.START, filter, record -> {
                DeadLetter letter = DeadLetter.of(record);
                String target = targetOf(record, sources);
                String skip = letter.ceId() == null ? "no ce_id: not a CloudEvent; its consumer would dead-letter it again"
                        : target == null ? "its dead-letter-topic header names no topic this service consumes into " + topic
                        : null;
                Outcome outcome = skip != null ? Outcome.SKIPPED : dryRun ? Outcome.WOULD_REPLAY : Outcome.REPLAYED;
                if (outcome == Outcome.REPLAYED) {
                    acks.add(send(producer, toReplay(record, target)));
                }
                items.add(new Item(letter.partition(), letter.offset(), letter.ceId(), letter.ceType(), letter.key(),
                        outcome, target, null, null, skip));
                return true;
            });
            if (producer != null) {
                awaitAcks(topic, items, acks, started);
            }
        } finally {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
        int skipped = (int) items.stream().filter(i -> i.outcome() == Outcome.SKIPPED).count();
        int replayed = dryRun ? 0 : items.size() - skipped;
        LOG.infof("%s %s: %d dead letters matched, %d replayed, %d skipped", dryRun ? "Dry run of a replay of" : "Replayed",
                topic, items.size(), replayed, skipped);
        return new ReplayResult(topic, dryRun, items.size(), replayed, skipped, items);
    }

    /**
     * The topic a dead letter goes back to: the one its {@code dead-letter-topic} header names, when that is a topic
     * whose channel parks records here; without the header, the one such topic (null when there are several).
     */
    static String targetOf(ConsumerRecord<?, ?> record, Set<String> sources) {
        String named = DeadLetter.header(record, DeadLetter.SOURCE_TOPIC);
        if (named != null) {
            return sources.contains(named) ? named : null;
        }
        return sources.size() == 1 ? sources.iterator().next() : null;
    }

    /** The original record again: same key, value and CloudEvents headers; no partition, so the key places it. */
    static ProducerRecord<byte[], byte[]> toReplay(ConsumerRecord<byte[], byte[]> deadLetter, String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (header.key().startsWith("ce_") || KEPT_HEADERS.contains(header.key())) {
                headers.add(header.key(), header.value());
            }
        }
        headers.add(DeadLetter.REPLAYED_FROM,
                DeadLetter.address(deadLetter).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, deadLetter.key(), deadLetter.value(), headers);
    }

    private static Future<RecordMetadata> send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for every acknowledgement and fills in where each record went; 503 when any is missing. */
    private void awaitAcks(String topic, List<Item> items, List<Future<RecordMetadata>> acks, long started) {
        long deadline = started + config.timeout().toNanos();
        int ack = 0;
        int failed = 0;
        String firstError = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.outcome() != Outcome.REPLAYED) {
                continue;
            }
            try {
                RecordMetadata metadata = acks.get(ack++).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                items.set(i, new Item(item.partition(), item.offset(), item.ceId(), item.ceType(), item.key(),
                        item.outcome(), item.targetTopic(), metadata.partition(), metadata.offset(), null));
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                firstError = firstError != null ? firstError
                        : e instanceof TimeoutException ? "no acknowledgement in time" : e.getCause().toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeadLetterLog.unavailable("Interrupted while waiting for Kafka.");
            }
        }
        if (failed > 0) {
            LOG.warnf("Replaying %s: %d of %d records not acknowledged (%s)", topic, failed, acks.size(), firstError);
            throw DeadLetterLog.unavailable(failed + " of " + acks.size() + " replayed records were not acknowledged by Kafka.");
        }
    }

    private Producer<byte[], byte[]> newProducer() {
        return new KafkaProducer<>(KafkaClients.reliableProducer(kafkaConfig,
                applicationName + "-dead-letter-replay-" + producers.incrementAndGet(), config.timeout()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
