package io.crampcare.support.inbox;

import java.util.function.BiConsumer;

import io.crampcare.contracts.EventDescriptor;

/**
 * What a channel carries: the event it reads ({@link EventDescriptor}: CloudEvents type and payload record), and the
 * check of the fields its effect cannot do without (given the event id and payload; it throws
 * {@link PoisonMessageException} for an event that can never be applied). The check runs before any transaction, so
 * a poison record is dead-lettered alone.
 */
public record EventKind<T>(EventDescriptor<T> event, BiConsumer<String, T> requireComplete) {

    /** The CloudEvents type every record of the channel must have. */
    public String type() {
        return event.type();
    }

    /** The payload record the channel's records are read as. */
    public Class<T> payloadType() {
        return event.payloadClass();
    }
}
