package io.crampcare.support.outbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event the relay parked after repeated failures of its own: it holds back the later events of its key
 * until retried.
 *
 * @param id        the CloudEvent id
 * @param topic     the Kafka topic it is for
 * @param key       its Kafka key (later events of this key wait behind it)
 * @param type      the CloudEvent type
 * @param attempts  failed attempts
 * @param lastError why the last attempt failed
 * @param createdAt when it was written
 * @param parkedAt  when the relay parked it
 */
@Schema(requiredProperties = { "id", "topic", "key", "type", "attempts", "createdAt", "parkedAt" })
public record ParkedEvent(UUID id, String topic, String key, String type, int attempts, String lastError,
        Instant createdAt, Instant parkedAt) {
}
