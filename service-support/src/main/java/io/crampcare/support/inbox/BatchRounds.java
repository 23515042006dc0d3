package io.crampcare.support.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Splits a batch into rounds with at most one record per key: the n-th record of each key goes to round n. Applied
 * round after round in one transaction, each record sees the effects of the ones of its key before it, as when
 * processed one by one, while a round's effects can be set-based. Records without a key count as one key (their order
 * is kept too).
 */
public final class BatchRounds {

    private BatchRounds() {
    }

    /** The rounds of {@code records} (in offset order), each in the order its records were consumed. */
    public static <R> List<List<R>> of(List<R> records, Function<R, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<R>> rounds = new ArrayList<>();
        for (R record : records) {
            int round = seen.merge(Objects.requireNonNullElse(key.apply(record), ""), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(record);
        }
        return rounds;
    }
}
