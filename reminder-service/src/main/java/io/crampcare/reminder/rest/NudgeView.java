package io.crampcare.reminder.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.NudgeStatus;

/**
 * A nudge as the API shows it.
 *
 * @param localTime due time as wall-clock time in the user's zone
 */
@Schema(name = "Nudge", requiredProperties = { "id", "userId", "kind", "status", "dueAt", "localTime", "snoozes" })
public record NudgeView(UUID id, String userId, NudgeKind kind, NudgeStatus status, Instant dueAt, String localTime,
        Integer amountMl, UUID workoutId, UUID adviceId, Instant firedAt, Instant answeredAt, int snoozes) {

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static NudgeView of(Nudge n, ZoneId zone) {
        return new NudgeView(n.id, n.userId, n.kind, n.status, n.dueAt, LOCAL_MINUTE.format(n.dueAt.atZone(zone)),
                n.amountMl, n.workoutId, n.adviceId, n.firedAt, n.answeredAt, n.snoozes);
    }

    /**
     * One page of nudges, latest due first.
     *
     * @param nextPageToken pass as pageToken for the next page; null on the last page
     */
    @Schema(name = "NudgePage", requiredProperties = "items")
    public record Page(List<NudgeView> items, String nextPageToken) {
    }
}
