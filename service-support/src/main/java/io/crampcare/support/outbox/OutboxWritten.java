package io.crampcare.support.outbox;

import java.util.UUID;

/** CDI event fired when a business transaction wrote an outbox row; observed after commit to wake the relay. */
public record OutboxWritten(UUID eventId) {
}
