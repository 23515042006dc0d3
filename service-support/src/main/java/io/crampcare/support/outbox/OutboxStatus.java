package io.crampcare.support.outbox;

import java.util.List;

/**
 * The operator's view of a service's outbox.
 *
 * @param pending                 events not yet acknowledged by Kafka (parked ones included)
 * @param oldestPendingAgeSeconds age of the oldest of them, 0 when none
 * @param parked                  how many are parked
 * @param parkedEvents            the parked events, oldest first (at most 100)
 */
public record OutboxStatus(long pending, double oldestPendingAgeSeconds, long parked, List<ParkedEvent> parkedEvents) {
}
