package io.crampcare.support.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.support.tracing.TraceContext;

/** An outbox row as a record in the CloudEvents Kafka binding (binary mode), with its publish span's trace context. */
class CloudEventsCodecTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private final CloudEventsCodec codec = new CloudEventsCodec("/crampcare/intake-service");

    @Test
    void aRowBecomesABinaryModeCloudEvent() {
        UUID id = UUID.randomUUID();
        ClaimedEvent event = new ClaimedEvent(id, "cramp-reports", "alice-0123abcd", EventTypes.CRAMP_REPORT_SUBMITTED,
                "alice-0123abcd", "{\"reportId\":\"r1\"}", OffsetDateTime.parse("2026-11-25T08:31:02.123456+01:00"),
                null);

        ProducerRecord<String, byte[]> record = codec.toRecord(event, new TraceContext(TRACEPARENT, "vendor=1"));

        assertEquals("cramp-reports", record.topic());
        assertEquals("alice-0123abcd", record.key());
        assertNull(record.partition(), "the key decides the partition");
        assertArrayEquals("{\"reportId\":\"r1\"}".getBytes(StandardCharsets.UTF_8), record.value());
        assertEquals(new TreeMap<>(Map.of(
                "ce_specversion", "1.0",
                "ce_id", id.toString(),
                "ce_source", "/crampcare/intake-service",
                "ce_type", EventTypes.CRAMP_REPORT_SUBMITTED,
                "ce_dataschema", EventSeal.DATA_SCHEMA.toString(),
                "ce_time", "2026-11-25T07:31:02.123456Z",
                "ce_subject", "alice-0123abcd",
                "content-type", "application/json",
                "traceparent", TRACEPARENT,
                "tracestate", "vendor=1")), headers(record));
    }

    /** The erasure event is not sealed: its value is its own payload, and ce_dataschema names that payload's schema. */
    @Test
    void theUnsealedErasureNamesItsOwnSchema() {
        String subjectRef = UUID.randomUUID().toString();
        String payload = "{\"subjectRef\":\"" + subjectRef + "\",\"erasedAt\":\"2026-12-07T23:40:12.508311Z\"}";
        ClaimedEvent event = new ClaimedEvent(UUID.randomUUID(), "erasures", subjectRef, EventTypes.SUBJECT_ERASED,
                subjectRef, payload, OffsetDateTime.parse("2026-12-07T23:40:12.508311Z"), null);

        ProducerRecord<String, byte[]> record = codec.toRecord(event, null);

        assertEquals(subjectRef, record.key());
        assertArrayEquals(payload.getBytes(StandardCharsets.UTF_8), record.value());
        assertEquals("https://crampcare.io/schemas/subject-erased.v1.json", headers(record).get("ce_dataschema"));
        assertEquals(subjectRef, headers(record).get("ce_subject"));
    }

    @Test
    void noSubjectNoTraceNoHeader() {
        ClaimedEvent event = new ClaimedEvent(UUID.randomUUID(), "t", "k", "com.example.other", null, "{}",
                OffsetDateTime.parse("2026-11-25T07:31:02Z"), null);

        Map<String, String> headers = headers(codec.toRecord(event, null));

        assertEquals(Set.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_dataschema", "ce_time",
                "content-type"),
                headers.keySet());
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
