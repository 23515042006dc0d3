package io.crampcare.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.cloudevents.CloudEvent;

/** W3C trace contexts for tests that follow one trace across services: a fresh {@code traceparent}, and ids read back. */
public final class TestTraces {

    private TestTraces() {
    }

    /** A new sampled {@code traceparent}: version 00, random trace and span ids. */
    public static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /** The trace id (32 hex digits) of a {@code traceparent}. */
    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The span id (16 hex digits) of a {@code traceparent}: the parent a consumer continues from. */
    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    /**
     * Awaits the one record of {@code key} on {@code topic} (test broker) and asserts that it continues the trace of
     * {@code traceparent}: a {@code traceparent} header with the same trace id, under a span of the service's own.
     */
    public static void assertPublishedInTrace(String topic, String key, String traceparent) {
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, CloudEvent>> records = reader.await(r -> key.equals(r.key()), 1,
                    Duration.ofSeconds(60));
            if (records.size() != 1) {
                throw new AssertionError("expected one record of " + key + " on " + topic + ", got " + records.size());
            }
            String published = traceparent(records.get(0).headers());
            if (published == null || !traceId(traceparent).equals(traceId(published))
                    || spanId(traceparent).equals(spanId(published))) {
                throw new AssertionError(topic + " record of " + key + " has traceparent " + published
                        + ", not a child in the trace of " + traceparent);
            }
        }
    }

    /** The {@code traceparent} header of a Kafka record, or null. */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros (invalid)
        return HexFormat.of().formatHex(value);
    }
}
