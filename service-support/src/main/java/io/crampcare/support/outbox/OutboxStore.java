package io.crampcare.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.crampcare.support.tracing.TraceContext;

/**
 * The relay's SQL: claiming rows to publish and recording what became of them. Every method works in the caller's
 * connection, so that a batch's claim and its outcome commit together (the claim's row locks are held until then).
 */
final class OutboxStore {

    // Only the oldest unsent row of each key is claimable: a later row waits until the one before it was
    // acknowledged, whichever replica holds it; a row in its own backoff or parked holds back its key, and only it.
    // SKIP LOCKED lets replicas take disjoint rows without waiting.
    // The plan must not depend on the statistics, which may predate a backlog (V1_7): the key's oldest row is a scalar
    // subquery, which PostgreSQL runs as one probe of outbox_event_unsent_by_key per row scanned (a NOT EXISTS became
    // a join that scanned the backlog once per row), and "<=" rather than "=" (o is one of the key's rows, so the two
    // agree) keeps the planner's row estimate high enough that it walks the seq index and stops at the batch size.
    static final String CLAIM = """
            SELECT o.id, o.topic, o.message_key, o.event_type, o.subject, o.payload::text, o.created_at,
                   o.traceparent, o.tracestate
            FROM outbox_event o
            WHERE o.sent_at IS NULL AND o.parked_at IS NULL
              AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
              AND o.seq <= (SELECT min(oldest.seq) FROM outbox_event oldest
                            WHERE oldest.message_key = o.message_key AND oldest.sent_at IS NULL)
            ORDER BY o.seq
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED
            """;
    // Also tells, per row, whether its key has a later unsent row: sending this one made that row claimable. The
    // statement's snapshot predates its own update, so "later" (seq >) leaves the row itself out. A correlated
    // subquery in RETURNING stays a subplan, one probe of outbox_event_unsent_by_key per row sent.
    static final String MARK_SENT = """
            UPDATE outbox_event o SET sent_at = now(), last_error = NULL WHERE o.id = ANY (?)
            RETURNING EXISTS (SELECT 1 FROM outbox_event later
                              WHERE later.message_key = o.message_key AND later.sent_at IS NULL AND later.seq > o.seq)
            """;
    // A failure of the row's own: its next attempt after its own backoff, parked after max-attempts of them.
    private static final String MARK_FAILED = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = left(?, 1000),
                   next_attempt_at = now() + least(? * power(2, attempts), ?) * interval '1 millisecond',
                   parked_at = CASE WHEN attempts + 1 >= ? THEN now() END
            WHERE id = ?
            RETURNING parked_at IS NOT NULL
            """;
    // The broker was unreachable: not the row's fault, so it neither backs off alone nor moves towards parking.
    private static final String MARK_UNDELIVERED = """
            UPDATE outbox_event SET last_error = left(?, 1000) WHERE id = ?
            """;

    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;

    OutboxStore(Duration firstBackoff, Duration maxBackoff, int maxAttempts) {
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
    }

    /** Locks and returns up to {@code limit} claimable rows (each key's oldest unsent one), in publish order. */
    List<ClaimedEvent> claim(Connection connection, int limit) throws SQLException {
        List<ClaimedEvent> batch = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    batch.add(new ClaimedEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class),
                            rows.getString(8) == null ? null : new TraceContext(rows.getString(8), rows.getString(9))));
                }
            }
        }
        return batch;
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
        int unblocked = 0;
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            update.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet hasLater = update.executeQuery()) {
                while (hasLater.next()) {
                    if (hasLater.getBoolean(1)) {
                        unblocked++;
                    }
                }
            }
        }
        return unblocked;
    }

    /**
     * Records each row's own failure: its backoff, and parking once it has failed max-attempts times.
     *
     * @return the ids of the rows this parked
     */
    Set<UUID> markFailed(Connection connection, Map<ClaimedEvent, SendFailure> failures) throws SQLException {
        Set<UUID> parked = new HashSet<>();
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            for (Map.Entry<ClaimedEvent, SendFailure> entry : failures.entrySet()) {
                update.setString(1, entry.getValue().message());
                update.setLong(2, firstBackoff.toMillis());
                update.setLong(3, maxBackoff.toMillis());
                update.setInt(4, maxAttempts);
                update.setObject(5, entry.getKey().id());
                try (ResultSet row = update.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        parked.add(entry.getKey().id());
                    }
                }
            }
        }
        return parked;
    }

    /** Records why rows were not delivered while the broker was unreachable, leaving their attempts alone. */
    void markUndelivered(Connection connection, Map<ClaimedEvent, SendFailure> failures) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_UNDELIVERED)) {
            for (Map.Entry<ClaimedEvent, SendFailure> entry : failures.entrySet()) {
                update.setString(1, entry.getValue().message());
                update.setObject(2, entry.getKey().id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
