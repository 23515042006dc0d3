package io.crampcare.support.outbox;

/**
 * How far the relay is behind: unsent rows and the age of the oldest one.
 *
 * @param pending                 rows not yet acknowledged by Kafka
 * @param oldestPendingAgeSeconds age of the oldest of them, 0 when none
 */
public record OutboxLag(long pending, double oldestPendingAgeSeconds) {
}
