package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.cloudevents.CloudEvent;

/** What a consumer dead-letters, checked as the event catalogue describes it. */
public final class DeadLetters {

    /** The exception a consumer throws for a record that can never be processed (service-support inbox). */
    static final String POISON = "io.crampcare.support.inbox.PoisonMessageException";

    private DeadLetters() {
    }

    /**
     * Waits for {@code key}'s records on {@code <topic>.dlq} and asserts they are exactly the events of
     * {@code culprits} (ce_id -> a word its reason must name, e.g. the field it broke), in that order: each parked at
     * once as poison (not after retries), unchanged (same ce_id and payload as {@code payloads}), with the failure
     * headers naming where it came from.
     */
    public static void assertPoisoned(String topic, String key, Map<String, String> culprits,
            Map<String, String> payloads) {
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), topic + ".dlq")) {
            List<ConsumerRecord<String, CloudEvent>> parked = reader.await(r -> key.equals(r.key()), culprits.size(),
                    Duration.ofSeconds(30));
            assertEquals(List.copyOf(culprits.keySet()), parked.stream().map(r -> r.value().getId()).toList(),
                    "dead-lettered, in order, and nothing else of " + key);
            for (ConsumerRecord<String, CloudEvent> record : parked) {
                String id = record.value().getId();
                assertEquals(payloads.get(id), new String(record.value().getData().toBytes(), StandardCharsets.UTF_8),
                        "the payload travels unchanged");
                assertEquals(POISON, header(record, "dead-letter-exception-class-name"), id + " is poison");
                String reason = header(record, "dead-letter-reason");
                assertTrue(reason.contains(culprits.get(id)), () -> id + ": the reason names " + culprits.get(id)
                        + ": " + reason);
                assertEquals(topic, header(record, "dead-letter-topic"));
                assertNotNull(header(record, "dead-letter-partition"));
                assertNotNull(header(record, "dead-letter-offset"));
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, name + " on " + record.topic() + "@" + record.offset());
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
