package io.crampcare.support.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.crampcare.support.tracing.TraceContext;

/** An outbox row the relay has claimed (locked in its transaction) to publish; {@code trace} is null outside a trace. */
record ClaimedEvent(UUID id, String topic, String key, String type, String subject, String payload,
        OffsetDateTime createdAt, TraceContext trace) {
}
