package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchRoundsTest {

    /** A record: its key and where it was in the batch. */
    private record R(String key, int offset) {
    }

    @Test
    void eachKeyOncePerRoundItsRecordsInOffsetOrder() {
        List<R> batch = List.of(new R("ann", 0), new R("bob", 1), new R("ann", 2), new R("cid", 3), new R("ann", 4),
                new R("bob", 5));

        List<List<R>> rounds = BatchRounds.of(batch, R::key);

        assertEquals(List.of(
                List.of(new R("ann", 0), new R("bob", 1), new R("cid", 3)),
                List.of(new R("ann", 2), new R("bob", 5)),
                List.of(new R("ann", 4))), rounds);
    }

    @Test
    void distinctKeysMakeOneRoundAndNoKeysCountAsOneKey() {
        assertEquals(List.of(List.of(new R("a", 0), new R("b", 1))),
                BatchRounds.of(List.of(new R("a", 0), new R("b", 1)), R::key));
        assertEquals(List.of(List.of(new R(null, 0)), List.of(new R(null, 1))),
                BatchRounds.of(List.of(new R(null, 0), new R(null, 1)), R::key));
        assertEquals(List.of(), BatchRounds.of(List.<R>of(), R::key));
    }
}
