package io.crampcare.reminder.planning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

/**
 * When a workout happens: once, or weekly on some days at a local time.
 *
 * @param oneOffStart     start of a one-off workout; null for weekly
 * @param weeklyDays      days of a weekly workout; null for one-off
 * @param weeklyStart     local start time of a weekly workout; null for one-off
 * @param durationMinutes how long it lasts
 */
public record WorkoutPlan(Instant oneOffStart, Set<DayOfWeek> weeklyDays, LocalTime weeklyStart, int durationMinutes) {
}
