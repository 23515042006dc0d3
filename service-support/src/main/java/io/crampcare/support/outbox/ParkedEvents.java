package io.crampcare.support.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Outbox events the relay parked (see {@link OutboxRelay}): listed for operators, and retried on demand. */
@ApplicationScoped
public class ParkedEvents {

    static final int LISTED = 100;
    private static final String LIST = """
            SELECT id, topic, message_key, event_type, attempts, last_error, created_at, parked_at
            FROM outbox_event WHERE parked_at IS NOT NULL ORDER BY seq LIMIT ?1
            """;
    // A retried event gets its full number of attempts again, and is claimable at once.
    private static final String RETRY = """
            UPDATE outbox_event SET parked_at = NULL, next_attempt_at = NULL, attempts = 0
            WHERE parked_at IS NOT NULL AND sent_at IS NULL
            """;

    private final EntityManager em;
    private final Event<OutboxWritten> written;

    ParkedEvents(EntityManager em, Event<OutboxWritten> written) {
        this.em = em;
        this.written = written;
    }

    @Transactional
    public List<ParkedEvent> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LIST).setParameter(1, LISTED).getResultList();
        return rows.stream().map(r -> new ParkedEvent((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], instant(r[6]), instant(r[7]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value.getClass());
    }

    /** Unparks one event; false when no parked event has this id. The relay takes it up right after the commit. */
    @Transactional
    public boolean retry(UUID id) {
        return wakeRelayIf(em.createNativeQuery(RETRY + " AND id = ?1").setParameter(1, id).executeUpdate()) == 1;
    }

    /** Unparks every parked event; returns how many. */
    @Transactional
    public int retryAll() {
        return wakeRelayIf(em.createNativeQuery(RETRY).executeUpdate());
    }

    private int wakeRelayIf(int unparked) {
        if (unparked > 0) {
            written.fire(new OutboxWritten(null));
        }
        return unparked;
    }
}
