package io.crampcare.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.tracing.TraceContext;

/**
 * The relay's SQL: claiming rows to publish and recording what became of them. Every method works in the caller's
 * connection, so that a batch's claim and its outcome commit together (the claim's row locks are held until then).
 */
final class RelayStore {

    // Only the oldest unsent row of each key is claimable: a later row waits until the one before it was
    // acknowledged, whichever replica holds it; a row in its own backoff or parked holds back its key, and only it.
    // SKIP LOCKED lets replicas take disjoint rows without waiting.
    // The plan must not depend on the statistics, which may predate a backlog (V1_7): the key's oldest row is a scalar
    // subquery, which PostgreSQL runs as one probe of outbox_event_unsent_by_key per row scanned (a NOT EXISTS became
    // a join that scanned the backlog once per row), and "<=" rather than "=" (o is one of the key's rows, so the two
    // agree) keeps the planner's row estimate high enough that it walks the seq index and stops at the batch size.
    static final NamedSql CLAIM = NamedSql.of("""
            SELECT o.id, o.topic, o.message_key, o.event_type, o.subject, o.payload::text, o.created_at,
                   o.traceparent, o.tracestate
            FROM outbox_event o
            WHERE o.sent_at IS NULL AND o.parked_at IS NULL
              AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
              AND o.seq <= (SELECT min(oldest.seq) FROM outbox_event oldest
                            WHERE oldest.message_key = o.message_key AND oldest.sent_at IS NULL)
            ORDER BY o.seq
            LIMIT :limit
            FOR UPDATE OF o SKIP LOCKED
            """);
    // Also tells, per row, whether its key has a later unsent row: sending this one made that row claimable. The
    // statement's snapshot predates its own update, so "later" (seq >) leaves the row itself out. A correlated
    // subquery in RETURNING stays a subplan, one probe of outbox_event_unsent_by_key per row sent.
    static final NamedSql MARK_SENT = NamedSql.of("""
            UPDATE outbox_event o SET sent_at = now(), last_error = NULL WHERE o.id = ANY (:ids)
            RETURNING EXISTS (SELECT 1 FROM outbox_event later
                              WHERE later.message_key = o.message_key AND later.sent_at IS NULL AND later.seq > o.seq)
                      AS has_later
            """);
    // A failure of the row's own: its next attempt after its own backoff, parked after max-attempts of them.
    private static final NamedSql MARK_FAILED = NamedSql.of("""
            UPDATE outbox_event SET attempts = attempts + 1, last_error = left(:error, 1000),
                   next_attempt_at = now() + least(:firstBackoffMs * power(2, attempts), :maxBackoffMs)
                                     * interval '1 millisecond',
                   parked_at = CASE WHEN attempts + 1 >= :maxAttempts THEN now() END
            WHERE id = :id
            RETURNING parked_at IS NOT NULL AS parked
            """);
    // The broker was unreachable: not the row's fault, so it neither backs off alone nor moves towards parking.
    private static final NamedSql MARK_UNDELIVERED = NamedSql.of("""
            UPDATE outbox_event SET last_error = left(:error, 1000) WHERE id = :id
            """);

    /**
     * A failing row's own backoff: {@code first}, doubling per failed attempt up to {@code max}; parked after
     * {@code maxAttempts} failed attempts.
     */
    record RowBackoff(Duration first, Duration max, int maxAttempts) {
    }

    private final RowBackoff backoff;

    RelayStore(RowBackoff backoff) {
        this.backoff = backoff;
    }

    /** Locks and returns up to {@code limit} claimable rows (each key's oldest unsent one), in publish order. */
    List<ClaimedEvent> claim(Connection connection, int limit) throws SQLException {
        return ColumnArrays.list(connection, CLAIM, Map.of("limit", limit), row -> new ClaimedEvent(row.uuid("id"),
                row.text("topic"), row.text("message_key"), row.text("event_type"), row.text("subject"),
                row.text("payload"), row.offsetDateTime("created_at"), row.text("traceparent") == null ? null
                        : new TraceContext(row.text("traceparent"), row.text("tracestate"))));
    }

    /**
     * Marks rows the broker acknowledged as sent.
     *
     * @return how many of them have a later unsent row of their key, claimable from this commit on
     */
    int markSent(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) ColumnArrays.list(connection, MARK_SENT, Map.of("ids", ids.toArray(UUID[]::new)),
                row -> row.bool("has_later")).stream().filter(Boolean::booleanValue).count();
    }

    /**
     * Records each row's own failure: its backoff, and parking once it has failed max-attempts times.
     *
     * @return the ids of the rows this parked
     */
    Set<UUID> markFailed(Connection connection, Map<ClaimedEvent, SendFailure> failures) throws SQLException {
        Set<UUID> parked = new HashSet<>();
        for (Map.Entry<ClaimedEvent, SendFailure> entry : failures.entrySet()) {
            UUID id = entry.getKey().id();
            Map<String, Object> row = Map.of("error", entry.getValue().message(), "firstBackoffMs",
                    backoff.first().toMillis(), "maxBackoffMs", backoff.max().toMillis(), "maxAttempts",
                    backoff.maxAttempts(), "id", id);
            if (ColumnArrays.list(connection, MARK_FAILED, row, r -> r.bool("parked")).contains(true)) {
                parked.add(id);
            }
        }
        return parked;
    }

    /** Records why rows were not delivered while the broker was unreachable, leaving their attempts alone. */
    void markUndelivered(Connection connection, Map<ClaimedEvent, SendFailure> failures) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_UNDELIVERED.sql())) {
            for (Map.Entry<ClaimedEvent, SendFailure> entry : failures.entrySet()) {
                MARK_UNDELIVERED.bind(connection, update, Map.of("error", entry.getValue().message(), "id",
                        entry.getKey().id()), 0);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
