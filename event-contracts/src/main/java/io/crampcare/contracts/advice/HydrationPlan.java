package io.crampcare.contracts.advice;

/**
 * How much to drink.
 *
 * @param dailyTargetMl    water for the day, in mL; never below 1,893 mL (64 US fl oz)
 * @param dailyTargetOz    the same in US fluid ounces
 * @param preExerciseMinMl lower end of the drink about 4 h before exercise (5 mL/kg, at most preExerciseMaxMl), when
 *                         body weight is known
 * @param preExerciseMaxMl upper end (7 mL/kg, at most maxPerHourMl), when body weight is known
 * @param maxPerHourMl     no plan may put more than this in any hour (overdrinking guard)
 */
public record HydrationPlan(int dailyTargetMl, double dailyTargetOz, Integer preExerciseMinMl, Integer preExerciseMaxMl,
        int maxPerHourMl) {
}
