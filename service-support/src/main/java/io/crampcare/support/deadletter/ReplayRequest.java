package io.crampcare.support.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;

/**
 * What to replay. Every field is optional: {@code {}} replays every dead letter of the topic.
 *
 * @param ceIds  only these CloudEvent ids
 * @param from   only records dead-lettered at or after this instant
 * @param to     only records dead-lettered before this instant
 * @param dryRun true: report what would be replayed, publish nothing
 */
@Schema(name = "DeadLetterReplayRequest")
@CrossField
public record ReplayRequest(
        @Schema(description = "Only these CloudEvent ids (ce_id), at most 1000") List<String> ceIds,
        @Schema(description = "Only records dead-lettered at or after this instant") Instant from,
        @Schema(description = "Only records dead-lettered before this instant") Instant to,
        @Schema(description = "Report what would be replayed; publish nothing") Boolean dryRun) implements CrossField.Rules {

    static final ReplayRequest ALL = new ReplayRequest(null, null, null, null);

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        DeadLetterFilter.of(ceIds, from, to, "ceIds", violations);
    }

    /** The filter (the request is valid by now). */
    DeadLetterFilter filter() {
        return DeadLetterFilter.of(ceIds, from, to, "ceIds", new ArrayList<>());
    }
}
