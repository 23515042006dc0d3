package io.crampcare.support.deadletter;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.Instants;

/**
 * Which dead letters a list or replay addresses: all of them, or those with one of the given CloudEvent ids, and/or
 * those dead-lettered within [{@code from}, {@code to}) (the dead-letter record's timestamp).
 *
 * @param ceIds null for any id
 * @param from  inclusive, or null
 * @param to    exclusive, or null
 */
public record DeadLetterFilter(Set<String> ceIds, Instant from, Instant to) {

    /** More ids than this in one call is a mistake (and a slow one); replay by time range instead. */
    static final int MAX_CE_IDS = 1000;
    static final int MAX_CE_ID_LENGTH = 200;
    static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null);

    /**
     * Checks a filter as a caller gave it; adds an error per bad part to {@code errors} and returns null then
     * (the {@link io.crampcare.support.validation.CrossField} rules of {@link DeadLetterQuery} and {@link ReplayRequest}).
     *
     * @param ceIdsField how the caller named the ids: {@code ceId} (repeated query parameter) or {@code ceIds} (body),
     *                   so each error names the field the caller sent
     */
    public static DeadLetterFilter of(List<String> ceIds, Instant from, Instant to, String ceIdsField,
            List<InvalidInput.Violation> errors) {
        int before = errors.size();
        Set<String> ids = null;
        if (ceIds != null && !ceIds.isEmpty()) {
            if (ceIds.size() > MAX_CE_IDS) {
                errors.add(new InvalidInput.Violation(ceIdsField, "at most " + MAX_CE_IDS + " ids per call; use from/to for more"));
            } else {
                ids = new LinkedHashSet<>();
                for (int i = 0; i < ceIds.size(); i++) {
                    String id = ceIds.get(i);
                    if (id == null || id.isBlank() || id.length() > MAX_CE_ID_LENGTH) {
                        errors.add(new InvalidInput.Violation(ceIdsField + "[" + i + "]",
                                "must be a CloudEvent id (ce_id), 1 to " + MAX_CE_ID_LENGTH + " characters"));
                    } else {
                        ids.add(id.strip());
                    }
                }
            }
        }
        instantInRange("from", from, errors);
        instantInRange("to", to, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new InvalidInput.Violation("to", "must be later than from"));
        }
        return errors.size() > before ? null : new DeadLetterFilter(ids == null ? null : Set.copyOf(ids), from, to);
    }

    private static void instantInRange(String field, Instant instant, List<InvalidInput.Violation> errors) {
        if (instant != null && !Instants.inRange(instant)) {
            errors.add(new InvalidInput.Violation(field, "must be between " + Instants.MIN + " and " + Instants.MAX));
        }
    }

    /** Whether a record of the dead-letter topic is addressed. */
    public boolean matches(ConsumerRecord<byte[], byte[]> record) {
        if (ceIds != null) {
            String ceId = DeadLetter.header(record, DeadLetter.CE_ID);
            if (ceId == null || !ceIds.contains(ceId)) {
                return false;
            }
        }
        if (from == null && to == null) {
            return true;
        }
        Instant at = DeadLetter.deadLetteredAt(record);
        return at != null && (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
