package io.crampcare.support.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What a replayed record carries, and where it goes. */
class DeadLetterReplayRecordTest {

    @Test
    void keepsKeyValueAndCloudEventHeadersDropsTheFailureHeaders() {
        ConsumerRecord<byte[], byte[]> parked = parked("cramp-reports");
        ProducerRecord<byte[], byte[]> replay = DeadLetterService.toReplay(parked, "cramp-reports");
        assertEquals("cramp-reports", replay.topic());
        assertNull(replay.partition(), "the key places it, as it placed the original");
        assertArrayEquals(parked.key(), replay.key());
        assertArrayEquals(parked.value(), replay.value());
        List<String> names = new ArrayList<>();
        replay.headers().forEach(h -> names.add(h.key()));
        assertEquals(List.of("ce_specversion", "ce_id", "ce_type", "content-type", "traceparent",
                DeadLetter.REPLAYED_FROM), names);
        assertEquals("cramp-reports.dlq-0@12", text(replay.headers().lastHeader(DeadLetter.REPLAYED_FROM)));
        assertEquals("e-1", text(replay.headers().lastHeader("ce_id")));
    }

    @Test
    void aRecordThatWasReplayedBeforeNamesOnlyItsLatestOrigin() {
        ConsumerRecord<byte[], byte[]> parked = parked("cramp-reports");
        parked.headers().add(DeadLetter.REPLAYED_FROM, "cramp-reports.dlq-0@3".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> replay = DeadLetterService.toReplay(parked, "cramp-reports");
        List<Header> origins = new ArrayList<>();
        replay.headers().headers(DeadLetter.REPLAYED_FROM).forEach(origins::add);
        assertEquals(1, origins.size());
        assertEquals("cramp-reports.dlq-0@12", text(origins.get(0)));
        assertEquals("cramp-reports.dlq-0@3", DeadLetter.of(parked).replayedFrom());
    }

    @Test
    void goesBackToTheTopicItWasConsumedFrom() {
        assertEquals("cramp-reports", DeadLetterService.targetOf(parked("cramp-reports"), Set.of("cramp-reports")));
        assertNull(DeadLetterService.targetOf(parked("advice"), Set.of("cramp-reports")),
                "never into a topic whose channel does not park records here");
        assertEquals("b", DeadLetterService.targetOf(parked("b"), Set.of("a", "b")));
        assertEquals("a", DeadLetterService.targetOf(parked(null), Set.of("a")), "no header: the one source");
        assertNull(DeadLetterService.targetOf(parked(null), Set.of("a", "b")), "no header and two sources: unknown");
    }

    @Test
    void theOperatorViewReadsTheDeadLetterHeaders() {
        DeadLetter view = DeadLetter.of(parked("cramp-reports"));
        assertEquals(0, view.partition());
        assertEquals(12, view.offset());
        assertEquals("e-1", view.ceId());
        assertEquals("io.crampcare.cramp-report.submitted.v1", view.ceType());
        assertEquals("user-1", view.key());
        assertEquals("boom", view.reason());
        assertEquals("java.lang.IllegalStateException", view.exceptionClass());
        assertEquals("cramp-reports", view.sourceTopic());
        assertEquals(4, view.sourcePartition());
        assertEquals(99L, view.sourceOffset());
        assertTrue(view.deadLetteredAt().toEpochMilli() == 1_764_000_000_000L);
    }

    /** A dead letter as SmallRye's dead-letter strategy writes it: failure headers first, then the original ones. */
    private static ConsumerRecord<byte[], byte[]> parked(String sourceTopic) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "dead-letter-exception-class-name", "java.lang.IllegalStateException");
        add(headers, "dead-letter-reason", "boom");
        if (sourceTopic != null) {
            add(headers, "dead-letter-topic", sourceTopic);
        }
        add(headers, "dead-letter-partition", "4");
        add(headers, "dead-letter-offset", "99");
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", "e-1");
        add(headers, "ce_type", "io.crampcare.cramp-report.submitted.v1");
        add(headers, "content-type", "application/json");
        add(headers, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        add(headers, "some-other", "x");
        return new ConsumerRecord<>("cramp-reports.dlq", 0, 12, 1_764_000_000_000L, TimestampType.CREATE_TIME, 6, 2,
                "user-1".getBytes(StandardCharsets.UTF_8), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), headers,
                Optional.empty());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
