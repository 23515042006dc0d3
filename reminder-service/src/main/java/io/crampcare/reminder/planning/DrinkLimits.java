package io.crampcare.reminder.planning;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.crampcare.contracts.advice.HydrationPlan;

/**
 * The reminder's own safety ceilings for drinking. An advice event's numbers are only ever lowered to these, never
 * raised past them: the limits are the reminder's, whatever arrives.
 *
 * @param maxDailyMl   the safe daily ceiling: all drink nudges of one local day together
 * @param maxPerHourMl the overdrinking guard: all drink nudges due within any one hour together
 * @param maxPortionMl the largest single drink nudge
 */
public record DrinkLimits(int maxDailyMl, int maxPerHourMl, int maxPortionMl) {

    /** A limit that cut a drink or an advice's number down. */
    public enum Limit {
        DAILY,
        HOURLY,
        PORTION;

        /** Its name as a metric tag and in logs. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DrinkLimits {
        if (maxDailyMl <= 0 || maxPerHourMl <= 0 || maxPortionMl <= 0) {
            throw new IllegalArgumentException("Drink limits must be positive: " + maxDailyMl + ", " + maxPerHourMl
                    + ", " + maxPortionMl);
        }
    }

    /**
     * An advice's water plan lowered to these ceilings: daily target and what is left today to {@link #maxDailyMl},
     * the hourly guard to {@link #maxPerHourMl}, the pre-exercise drink to {@link #maxPortionMl}.
     *
     * @param plan    the plan within the ceilings
     * @param clamped the limits that lowered one of its numbers; empty when it kept within them
     */
    public record Clamped(HydrationPlan plan, Set<Limit> clamped) {
    }

    public Clamped clamp(HydrationPlan water) {
        Set<Limit> clamped = EnumSet.noneOf(Limit.class);
        int daily = lower(water.dailyTargetMl(), maxDailyMl, Limit.DAILY, clamped);
        Integer remaining = water.remainingTodayMl() == null ? null
                : lower(water.remainingTodayMl(), maxDailyMl, Limit.DAILY, clamped);
        int perHour = lower(water.maxPerHourMl(), maxPerHourMl, Limit.HOURLY, clamped);
        Integer preMax = water.preExerciseMaxMl() == null ? null
                : lower(water.preExerciseMaxMl(), maxPortionMl, Limit.PORTION, clamped);
        Integer preMin = water.preExerciseMinMl() == null ? null
                : lower(water.preExerciseMinMl(), maxPortionMl, Limit.PORTION, clamped);
        HydrationPlan within = new HydrationPlan(daily, water.dailyTargetOz(), preMin, preMax, perHour,
                water.alreadyDrunkTodayMl(), remaining, water.drinkToThirstOnly());
        return new Clamped(within, Set.copyOf(clamped));
    }

    /** The largest water portion a plan may hold: neither above the hourly guard nor above the portion ceiling. */
    public int portionCeiling(int advisedPerHourMl) {
        return Math.min(Math.min(advisedPerHourMl, maxPerHourMl), maxPortionMl);
    }

    private static int lower(int value, int ceiling, Limit limit, Set<Limit> clamped) {
        if (value > ceiling) {
            clamped.add(limit);
            return ceiling;
        }
        return value;
    }
}
