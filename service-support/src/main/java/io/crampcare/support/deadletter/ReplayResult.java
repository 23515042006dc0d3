package io.crampcare.support.deadletter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a replay did (or, on a dry run, would do), record by record in dead-letter order.
 *
 * @param topic    the dead-letter topic
 * @param dryRun   true when nothing was published
 * @param matched  dead letters the filter matched
 * @param replayed records published and acknowledged by the broker (0 on a dry run)
 * @param skipped  matched records that cannot be replayed (see each record's {@code skipReason})
 * @param records  every matched record and its outcome
 */
@Schema(name = "DeadLetterReplayResult", requiredProperties = { "topic", "dryRun", "matched", "replayed", "skipped",
        "records" })
public record ReplayResult(String topic, boolean dryRun, int matched, int replayed, int skipped, List<Item> records) {

    public enum Outcome {
        /** Published to its original topic and acknowledged. */
        REPLAYED,
        /** Dry run: would be published to {@code targetTopic}. */
        WOULD_REPLAY,
        /** Not published; {@code skipReason} says why. */
        SKIPPED
    }

    /**
     * One matched dead letter.
     *
     * @param partition       its partition in the dead-letter topic
     * @param offset          its offset there
     * @param ceId            its CloudEvent id (kept on the replayed record)
     * @param ceType          its CloudEvent type
     * @param key             its key (kept on the replayed record)
     * @param outcome         what happened to it
     * @param targetTopic     the original topic it is (or would be) published to
     * @param targetPartition where the broker put the replayed record (REPLAYED only)
     * @param targetOffset    the replayed record's offset (REPLAYED only)
     * @param skipReason      why it was not replayed (SKIPPED only)
     */
    @Schema(name = "DeadLetterReplayRecord", requiredProperties = { "partition", "offset", "outcome" })
    public record Item(int partition, long offset, String ceId, String ceType, String key, Outcome outcome,
            String targetTopic, Integer targetPartition, Long targetOffset, String skipReason) {
    }
}
