package io.crampcare.reminder.planning;

import java.time.Instant;
import java.time.LocalDate;

import io.crampcare.contracts.nudge.NudgeKind;

/**
 * A nudge that belongs to one occurrence of a workout.
 *
 * @param kind       WARM_UP, STRETCH or PRE_EXERCISE_HYDRATION
 * @param dueAt      when to nudge
 * @param occurrence the local date of the workout occurrence (identifies it, with the workout id)
 * @param amountMl   for PRE_EXERCISE_HYDRATION, how much to drink; otherwise null
 */
public record WorkoutNudge(NudgeKind kind, Instant dueAt, LocalDate occurrence, Integer amountMl) {
}
