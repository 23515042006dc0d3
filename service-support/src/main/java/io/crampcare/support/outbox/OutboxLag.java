package io.crampcare.support.outbox;

/**
 * How far the relay is behind: unsent rows, the age of the oldest one, and how many of them are parked.
 *
 * @param pending                 rows not yet acknowledged by Kafka (parked ones included)
 * @param oldestPendingAgeSeconds age of the oldest of them, 0 when none
 * @param parked                  rows the relay gave up on until an operator retries them
 */
public record OutboxLag(long pending, double oldestPendingAgeSeconds, long parked) {
}
