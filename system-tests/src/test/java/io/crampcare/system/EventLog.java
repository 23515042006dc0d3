package io.crampcare.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.Topics;
import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestKeyring;
import io.crampcare.testsupport.TestTraces;

/**
 * An independent consumer of every topic, as an outside event consumer would be: each business event is read with
 * the CloudEvents SDK and checked against its JSON Schema; dead letters are kept raw. Survives broker restarts.
 */
final class EventLog implements AutoCloseable {

    /**
     * One event as seen on a topic, with its {@code traceparent} header (null when it had none). A dead letter keeps its
     * raw value, its original {@code ce_id} (null when it had none), where it came from ({@code topic/partition@offset},
     * from the dead-letter headers) and why it was parked ({@code exception class: reason}).
     */
    record Event(String topic, String key, String id, String type, JsonNode data, String raw, String traceparent,
            String origin, String cause) {
    }

    /** Where a record sits: its topic, partition and offset. */
    record Position(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "/" + partition + "@" + offset;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Map<Position, String> violations = new ConcurrentHashMap<>();
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final Set<Position> poisonAt = ConcurrentHashMap.newKeySet();
    /** The next offset this log will read, per partition it has read from. */
    private final Map<TopicPartition, Long> read = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final TestKeyring keyring;
    private final Thread thread;
    private volatile boolean running = true;

    /** Reads every topic and dead-letter topic, opening each sealed record with {@code keyring}. */
    EventLog(String bootstrapServers, TestKeyring keyring) {
        this.keyring = keyring;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-tests-event-log",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.WITH_DEAD_LETTERS.forEach(t -> topics.add(Topics.deadLetter(t)));
        consumer.subscribe(topics);
        thread = new Thread(this::run, "event-log");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String raw = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
                    String traceparent = TestTraces.traceparent(record.headers());
                    read.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    Position position = new Position(record.topic(), record.partition(), record.offset());
                    Optional<TestKeyring.Opened> opened = keyring.open(record.key(), header(record, "ce_id"),
                            header(record, "ce_type"), raw);
                    String key = opened.map(TestKeyring.Opened::userId).orElse(record.key());
                    if (record.topic().endsWith(".dlq")) {
                        String origin = header(record, "dead-letter-topic") + "/" + header(record, "dead-letter-partition")
                                + "@" + header(record, "dead-letter-offset");
                        String cause = header(record, "dead-letter-exception-class-name") + ": "
                                + header(record, "dead-letter-reason");
                        events.add(new Event(record.topic(), key, header(record, "ce_id"), null, null,
                                opened.map(TestKeyring.Opened::payload).orElse(raw), traceparent, origin, cause));
                        continue;
                    }
                    try {
                        CloudEvent event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
                        if (poison.contains(event.getId())) {
                            continue; // written on purpose by a test
                        }
                        if (!EventDescriptor.ofType(event.getType()).map(EventDescriptor::sealed).orElse(true)) {
                            // The erasure: its value is its own payload, keyed by the erased person's subjectRef.
                            try {
                                EventSchemas.assertValid(event);
                            } catch (AssertionError e) {
                                violations.put(position, position + " " + event.getId() + ": " + e.getMessage());
                                continue;
                            }
                            events.add(new Event(record.topic(), record.key(), event.getId(), event.getType(),
                                    JSON.readTree(raw), raw, traceparent, null, null));
                            continue;
                        }
                        List<String> problems = new ArrayList<>(EventSchemas.sealedViolations(raw));
                        if (!EventSeal.DATA_SCHEMA.equals(event.getDataSchema())) {
                            problems.add("ce_dataschema " + event.getDataSchema());
                        }
                        if (opened.isEmpty() && !shredded(record.key())) {
                            problems.add("does not open with its subject's key");
                        }
                        opened.ifPresent(o -> problems.addAll(EventSchemas.violations(event.getType(), o.payload())));
                        if (!problems.isEmpty()) {
                            violations.put(position, position + " " + event.getId() + ": " + problems);
                            continue;
                        }
                        // An erased person's record (its key shredded) is kept as it is: nothing of it opens.
                        String payload = opened.map(TestKeyring.Opened::payload).orElse(null);
                        events.add(new Event(record.topic(), key, event.getId(), event.getType(),
                                payload == null ? null : JSON.readTree(payload), payload == null ? raw : payload,
                                traceparent, null, null));
                    } catch (Exception e) {
                        violations.put(position, position + ": not a valid CloudEvent: " + e.getMessage());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                ServiceProcess.sleep(500); // broker away: keep trying
            }
        }
    }

    private boolean shredded(String subjectRef) {
        return keyring.bySubjectRef(subjectRef).map(k -> k.secret() == null).orElse(false);
    }

    /** A record a test writes on purpose that is not a valid event: not a violation. */
    void expectPoison(String eventId) {
        poison.add(eventId);
    }

    /** A record a test wrote on purpose at this position, which may have no CloudEvent id: not a violation. */
    void expectPoison(Position position) {
        poisonAt.add(position);
    }

    /** Whether this log has read every record before these offsets (e.g. the topics' ends a moment ago). */
    boolean hasRead(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(o -> o.getValue() == 0 || read.getOrDefault(o.getKey(), 0L) >= o.getValue());
    }

    List<Event> on(String topic, Predicate<Event> matching) {
        return events.stream().filter(e -> e.topic().equals(topic) && matching.test(e)).toList();
    }

    /** Every event so far that was not a valid CloudEvent or broke its schema. */
    List<String> violations() {
        return violations.entrySet().stream().filter(v -> !poisonAt.contains(v.getKey())).map(Map.Entry::getValue)
                .sorted().toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
