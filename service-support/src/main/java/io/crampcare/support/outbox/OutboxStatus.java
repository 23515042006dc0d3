package io.crampcare.support.outbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The operator's view of a service's outbox.
 *
 * @param pending                 events not yet acknowledged by Kafka (parked ones included)
 * @param oldestPendingAgeSeconds age of the oldest of them, 0 when none
 * @param parked                  how many are parked
 * @param parkedEvents            the parked events, oldest first (at most 100)
 */
@Schema(requiredProperties = { "pending", "oldestPendingAgeSeconds", "parked", "parkedEvents" })
public record OutboxStatus(long pending, double oldestPendingAgeSeconds, long parked, List<ParkedEvent> parkedEvents) {
}
