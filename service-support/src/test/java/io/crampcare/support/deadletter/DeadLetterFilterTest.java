package io.crampcare.support.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.crampcare.support.errors.InvalidInput;

class DeadLetterFilterTest {

    private static final Instant T = Instant.parse("2026-11-25T07:30:00Z");

    @Test
    void nothingGivenMatchesEverything() {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        DeadLetterFilter filter = DeadLetterFilter.of(null, null, null, "ceIds", errors);
        assertEquals(List.of(), errors);
        assertEquals(DeadLetterFilter.ALL, filter);
        assertTrue(filter.matches(record("a", T)));
        assertTrue(filter.matches(record(null, T)), "even a record that is no CloudEvent");
        assertEquals(DeadLetterFilter.ALL, DeadLetterFilter.of(List.of(), null, null, "ceIds", errors));
    }

    @Test
    void idsSelectByCeId() {
        DeadLetterFilter filter = valid(List.of("a", " b "), null, null);
        assertEquals(Set.of("a", "b"), filter.ceIds());
        assertTrue(filter.matches(record("a", T)));
        assertTrue(filter.matches(record("b", T)));
        assertFalse(filter.matches(record("c", T)));
        assertFalse(filter.matches(record(null, T)));
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        DeadLetterFilter filter = valid(null, T, T.plusSeconds(60));
        assertTrue(filter.matches(record("a", T)));
        assertTrue(filter.matches(record("a", T.plusSeconds(59))));
        assertFalse(filter.matches(record("a", T.plusSeconds(60))));
        assertFalse(filter.matches(record("a", T.minusMillis(1))));
        assertTrue(valid(null, T, null).matches(record("a", T.plusSeconds(3600))));
        assertTrue(valid(null, null, T).matches(record("a", T.minusSeconds(3600))));
        assertFalse(valid(null, null, T).matches(record("a", null)), "a record without a timestamp is in no range");
    }

    @Test
    void idsAndTimeTogether() {
        DeadLetterFilter filter = valid(List.of("a"), T, null);
        assertTrue(filter.matches(record("a", T)));
        assertFalse(filter.matches(record("a", T.minusSeconds(1))));
        assertFalse(filter.matches(record("b", T)));
    }

    @Test
    void eachBadPartIsNamed() {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of("ok", " "));
        ids.add(null);
        ids.add("x".repeat(DeadLetterFilter.MAX_CE_ID_LENGTH + 1));
        assertNull(DeadLetterFilter.of(ids, Instant.parse("1800-01-01T00:00:00Z"), T, "ceIds", errors));
        assertEquals(List.of("ceIds[1]", "ceIds[2]", "ceIds[3]", "from"), errors.stream().map(InvalidInput.Violation::field).toList());
    }

    @Test
    void toMustBeLaterThanFrom() {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        assertNull(DeadLetterFilter.of(null, T, T, "ceId", errors));
        assertEquals(List.of(new InvalidInput.Violation("to", "must be later than from")), errors);
    }

    @Test
    void tooManyIdsIsOneError() {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        assertNull(DeadLetterFilter.of(Collections.nCopies(DeadLetterFilter.MAX_CE_IDS + 1, "a"), null, null, "ceId", errors));
        assertEquals(List.of("ceId"), errors.stream().map(InvalidInput.Violation::field).toList());
        assertEquals(Optional.of("a"), Optional.of(valid(Collections.nCopies(DeadLetterFilter.MAX_CE_IDS, "a"), null, null))
                .map(f -> f.ceIds().iterator().next()));
    }

    @Test
    void errorsOfOthersAreNotCountedAsItsOwn() {
        List<InvalidInput.Violation> errors = new ArrayList<>(List.of(new InvalidInput.Violation("pageSize", "bad")));
        assertEquals(DeadLetterFilter.ALL, DeadLetterFilter.of(null, null, null, "ceId", errors));
    }

    private static DeadLetterFilter valid(List<String> ids, Instant from, Instant to) {
        List<InvalidInput.Violation> errors = new ArrayList<>();
        DeadLetterFilter filter = DeadLetterFilter.of(ids, from, to, "ceIds", errors);
        assertEquals(List.of(), errors);
        return filter;
    }

    /** A dead letter with that ce_id (none when null), parked at that time (no timestamp when null). */
    static ConsumerRecord<byte[], byte[]> record(String ceId, Instant parkedAt) {
        RecordHeaders headers = new RecordHeaders();
        if (ceId != null) {
            headers.add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("cramp-reports.dlq", 0, 7, parkedAt == null ? -1 : parkedAt.toEpochMilli(),
                TimestampType.CREATE_TIME, 0, 0, "user-1".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
