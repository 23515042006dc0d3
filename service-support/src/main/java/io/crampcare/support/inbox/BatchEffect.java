package io.crampcare.support.inbox;

import java.util.List;

/**
 * What a channel does with a round of first-seen events, inside the consumer's transaction: set-based, one statement
 * per kind of row for the whole list. A round holds at most one event per key, in the order consumed.
 */
@FunctionalInterface
public interface BatchEffect<T> {

    void apply(List<InboxEvent<T>> events);
}
