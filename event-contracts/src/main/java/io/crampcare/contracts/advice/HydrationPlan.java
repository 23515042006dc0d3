package io.crampcare.contracts.advice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much to drink.
 *
 * <p>A consumer that plans water (the reminder service) plans what is left of the day the report was made on, in the
 * person's time zone (the local date of the advice's {@code reportOccurredAt}): {@code remainingTodayMl} when it is
 * not null, else the whole {@code dailyTargetMl}; later days get the whole {@code dailyTargetMl}. When
 * {@code drinkToThirstOnly} is true it plans no water at all (pre-exercise drinks included) for the rest of that day.
 *
 * @param dailyTargetMl       water for the day, in mL; never below 1,893 mL (64 US fl oz), never above the safe daily
 *                            ceiling (crampcare.advice.hydration.max-daily-ml, at most 6,000 mL)
 * @param dailyTargetOz       the same in US fluid ounces
 * @param preExerciseMinMl    lower end of the drink about 4 h before exercise (5 mL/kg, at most preExerciseMaxMl),
 *                            when body weight is known
 * @param preExerciseMaxMl    upper end (7 mL/kg, at most maxPerHourMl), when body weight is known
 * @param maxPerHourMl        no plan may put more than this in any hour (overdrinking guard)
 * @param alreadyDrunkTodayMl water the report says was drunk so far that day ({@code waterTodayMl}); null when the
 *                            report did not say (added within v1)
 * @param remainingTodayMl    what is left of that day's target: dailyTargetMl minus alreadyDrunkTodayMl, never below 0;
 *                            0 also whenever drinkToThirstOnly is true. 0 means no more water nudges that day; null
 *                            means the water drunk is unknown, so the whole target is left (added within v1)
 * @param drinkToThirstOnly   the overdrinking guard holds for the day: more than the safe daily ceiling drunk, more than
 *                            maxPerHourMl in the last hour, or more than the target together with signs that can come
 *                            from too much water; or such a sign (headache, sickness, dizziness, confusion, collapse,
 *                            seizure) at any amount, as drinking by schedule could then do harm. The advice then says to drink no more than thirst asks, and nothing
 *                            may plan water for the rest of that day. False otherwise; null only from producers that
 *                            predate the field (added within v1)
 */
@Schema(requiredProperties = { "dailyTargetMl", "dailyTargetOz", "maxPerHourMl" })
public record HydrationPlan(int dailyTargetMl, double dailyTargetOz, Integer preExerciseMinMl, Integer preExerciseMaxMl,
        int maxPerHourMl, Integer alreadyDrunkTodayMl, Integer remainingTodayMl, Boolean drinkToThirstOnly) {

    // The schema's ranges (a test holds them equal), for a producer to check its settings against at startup.
    /** Least {@code dailyTargetMl}: the article's 64 US fl oz. */
    public static final int MIN_DAILY_TARGET_ML = 1893;
    /** Most {@code dailyTargetMl} (and {@code remainingTodayMl}): the safe daily ceiling. */
    public static final int MAX_DAILY_TARGET_ML = 6000;
    /** Most {@code maxPerHourMl}: the overdrinking guard. */
    public static final int MAX_PER_HOUR_ML = 1000;

    /** A plan that knows nothing of the water already drunk, as producers before these fields wrote it. */
    public HydrationPlan(int dailyTargetMl, double dailyTargetOz, Integer preExerciseMinMl, Integer preExerciseMaxMl,
            int maxPerHourMl) {
        this(dailyTargetMl, dailyTargetOz, preExerciseMinMl, preExerciseMaxMl, maxPerHourMl, null, null, null);
    }
}
