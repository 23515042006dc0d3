package io.crampcare.support.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Outbox events the relay parked (see {@link OutboxRelay}): listed for operators, and retried on demand. */
@ApplicationScoped
public class ParkedEvents {

    static final int LISTED = 100;

    private final OutboxStore store;
    private final Event<OutboxWritten> written;

    ParkedEvents(OutboxStore store, Event<OutboxWritten> written) {
        this.store = store;
        this.written = written;
    }

    @Transactional
    public List<ParkedEvent> list() {
        return store.parked(LISTED);
    }

    /** Unparks one event; false when no parked event has this id. The relay takes it up right after the commit. */
    @Transactional
    public boolean retry(UUID id) {
        return wakeRelayIf(store.unpark(id)) == 1;
    }

    /** Unparks every parked event; returns how many. */
    @Transactional
    public int retryAll() {
        return wakeRelayIf(store.unparkAll());
    }

    private int wakeRelayIf(int unparked) {
        if (unparked > 0) {
            written.fire(new OutboxWritten(null));
        }
        return unparked;
    }
}
