package io.crampcare.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestTraces;

/**
 * An independent consumer of every topic, as an outside event consumer would be: each business event is read with
 * the CloudEvents SDK and checked against its JSON Schema; dead letters are kept raw. Survives broker restarts.
 */
final class EventLog implements AutoCloseable {

    /** One event as seen on a topic, with its {@code traceparent} header (null when it had none). */
    record Event(String topic, String key, String id, String type, JsonNode data, String raw, String traceparent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    EventLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-tests-event-log",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
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
                    if (record.topic().endsWith(".dlq")) {
                        events.add(new Event(record.topic(), record.key(), null, null, null, raw, traceparent));
                        continue;
                    }
                    try {
                        CloudEvent event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
                        if (poison.contains(event.getId())) {
                            continue; // written on purpose by a test
                        }
                        List<String> problems = EventSchemas.violations(event.getType(), raw);
                        if (!problems.isEmpty()) {
                            violations.add(record.topic() + " " + event.getId() + ": " + problems);
                            continue;
                        }
                        events.add(new Event(record.topic(), record.key(), event.getId(), event.getType(),
                                JSON.readTree(raw), raw, traceparent));
                    } catch (Exception e) {
                        violations.add(record.topic() + "@" + record.offset() + ": not a valid CloudEvent: " + e.getMessage());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                ServiceProcess.sleep(500); // broker away: keep trying
            }
        }
    }

    /** A record a test writes on purpose that is not a valid event: not a violation. */
    void expectPoison(String eventId) {
        poison.add(eventId);
    }

    List<Event> on(String topic, Predicate<Event> matching) {
        return events.stream().filter(e -> e.topic().equals(topic) && matching.test(e)).toList();
    }

    /** Every event so far that was not a valid CloudEvent or broke its schema. */
    List<String> violations() {
        return List.copyOf(violations);
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
