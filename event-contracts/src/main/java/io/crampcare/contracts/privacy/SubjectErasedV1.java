package io.crampcare.contracts.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.subject.erased.v1} on topic {@code erasures}: a person's erasure is complete and
 * their key is shredded, so none of the records sealed for {@code subjectRef} opens again. Not sealed itself: it names
 * no user and holds no health data. JSON Schema: {@code schemas/subject-erased.v1.json}. Only additive changes within
 * v1.
 *
 * <p>For consumers outside the services: delete whatever they keep under the subjectRef (copies of its sealed
 * records, anything derived from them) and stop trying to open its records. The services themselves do not consume
 * it; they erase through the privacy registry.
 *
 * @param subjectRef the erased person's former subjectRef, the Kafka key of their records
 * @param erasedAt   when the erasure completed and the key was shredded (UTC)
 */
public record SubjectErasedV1(UUID subjectRef, Instant erasedAt) {
}
