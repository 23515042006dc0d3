package io.crampcare.support.inbox;

import io.crampcare.support.tracing.TraceContext;
import io.opentelemetry.context.Scope;

/**
 * A consumed event an effect applies: its CloudEvents id, its Kafka key, its checked payload, and the trace it
 * continues (the record's consumer span; null when the record carried none). Effects that write to the outbox pass
 * {@code trace} on (Outbox.Message), those that store the current context make it current ({@link #makeCurrent}).
 */
public record InboxEvent<T>(String eventId, String key, T payload, TraceContext trace) {

    /** Makes this event's trace current until the scope closes. */
    public Scope makeCurrent() {
        return trace == null ? Scope.noop() : trace.asParent().makeCurrent();
    }
}
