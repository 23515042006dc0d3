package io.crampcare.support.inbox;

import java.util.function.BiConsumer;

/**
 * What a channel carries: its CloudEvents type, the payload record, and the check of the fields its effect cannot do
 * without (given the event id and payload; it throws {@link PoisonMessageException} for an event that can never be
 * applied). The check runs before any transaction, so a poison record is dead-lettered alone.
 */
public record EventKind<T>(String type, Class<T> payloadType, BiConsumer<String, T> requireComplete) {
}
