package io.crampcare.support.deadletter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a dead-letter topic, oldest first (by partition, then offset).
 *
 * @param topic         the dead-letter topic
 * @param held          records the topic held when the call started, whatever the filter (what the depth gauge shows)
 * @param items         the dead letters on this page that match the filter
 * @param nextPageToken pass as {@code pageToken} (with the same filter) for the next page; null on the last page
 */
@Schema(name = "DeadLetterPage", requiredProperties = { "topic", "held", "items" })
public record DeadLetterPage(String topic, long held, List<DeadLetter> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page.") String nextPageToken) {
}
