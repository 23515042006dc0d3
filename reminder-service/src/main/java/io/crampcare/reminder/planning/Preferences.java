package io.crampcare.reminder.planning;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.crampcare.contracts.nudge.NudgeKind;

/**
 * How and when a person wants to be nudged.
 *
 * @param zone        IANA time zone; all local times below are in it
 * @param wakingStart first minute of the waking window
 * @param wakingEnd   end of the waking window (exclusive)
 * @param quietStart  start of quiet hours (no nudges), or null for none; may wrap past midnight
 * @param quietEnd    end of quiet hours (exclusive), or null
 * @param dailyCap    at most this many hydration nudges a day
 * @param kinds       the kinds of nudge wanted
 */
public record Preferences(ZoneId zone, LocalTime wakingStart, LocalTime wakingEnd, LocalTime quietStart,
        LocalTime quietEnd, int dailyCap, Set<NudgeKind> kinds) {

    /** For someone who never said: UTC, awake 07:00-22:00, no quiet hours, 8 water nudges, every kind. */
    public static Preferences defaults() {
        return new Preferences(ZoneId.of("UTC"), LocalTime.of(7, 0), LocalTime.of(22, 0), null, null, 8,
                EnumSet.allOf(NudgeKind.class));
    }

    /** The same preferences with another daily cap (what is left of it after the day's fired nudges). */
    public Preferences withDailyCap(int cap) {
        return new Preferences(zone, wakingStart, wakingEnd, quietStart, quietEnd, cap, kinds);
    }

    /**
     * Whether a nudge of {@code kind} due at {@code dueAt} may fire under these preferences: its kind is wanted, and a
     * drink nudge (water, pre-exercise) falls inside the waking window and outside quiet hours. Warm-up and stretch
     * keep to the workout the person scheduled, whatever the hour.
     */
    public boolean permits(NudgeKind kind, Instant dueAt) {
        if (!kinds.contains(kind)) {
            return false;
        }
        boolean drink = kind == NudgeKind.HYDRATION || kind == NudgeKind.PRE_EXERCISE_HYDRATION;
        return !drink || allows(dueAt.atZone(zone).toLocalTime());
    }

    /** Whether a local time is inside the waking window and outside quiet hours. */
    public boolean allows(LocalTime time) {
        boolean awake = !time.isBefore(wakingStart) && time.isBefore(wakingEnd);
        return awake && !quiet(time);
    }

    private boolean quiet(LocalTime time) {
        if (quietStart == null || quietEnd == null) {
            return false;
        }
        return quietStart.isBefore(quietEnd)
                ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd); // wraps past midnight
    }
}
