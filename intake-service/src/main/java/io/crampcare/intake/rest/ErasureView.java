package io.crampcare.intake.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.support.privacy.Erasure;

/** An erasure as the API shows it: no user id, only how far each service got. */
@Schema(name = "Erasure", requiredProperties = { "id", "status", "requestedAt", "requestedBy", "services",
        "topicRecordsExpireBy", "links" })
public record ErasureView(UUID id,
        @Schema(description = "COMPLETED once every service has erased its part (then this is the receipt)")
        Status status, Instant requestedAt,
        @Schema(description = "SELF: the user's own token; ADMIN: an operator's, with a reason in the audit of access")
        Erasure.RequestedBy requestedBy,
        @Schema(description = "When the last service erased its part; absent while any is pending") Instant completedAt,
        List<ServiceStep> services,
        @Schema(description = "Records already on Kafka topics are sealed with the person's key, which is "
                + "destroyed when the erasure completes: from then on none of them opens. Their sealed bytes expire by "
                + "the topics' retention (7 days; dead-letter topics 30 days), at the latest at this time.")
        Instant topicRecordsExpireBy, Links links) {

    /** The longest retention of any topic (the dead-letter topics': deploy/kafka/topics.conf). */
    static final Duration TOPIC_RETENTION = Duration.ofDays(30);

    public enum Status {
        IN_PROGRESS, COMPLETED
    }

    public enum StepStatus {
        PENDING, ERASED
    }

    /** One service's part. */
    public record ServiceStep(String service, StepStatus status, Instant erasedAt) {
    }

    public record Links(String self) {
    }

    static ErasureView of(Erasure erasure) {
        return new ErasureView(erasure.id(),
                erasure.completedAt() == null ? Status.IN_PROGRESS : Status.COMPLETED, erasure.requestedAt(),
                erasure.requestedBy(), erasure.completedAt(),
                erasure.steps().stream().map(s -> new ServiceStep(s.service(),
                        s.erasedAt() == null ? StepStatus.PENDING : StepStatus.ERASED, s.erasedAt())).toList(),
                erasure.requestedAt().plus(TOPIC_RETENTION), new Links("/api/v1/erasures/" + erasure.id()));
    }
}
