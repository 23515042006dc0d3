package io.crampcare.advice.rules;

/** Where the day's water stands, as the rules see it (condition {@code water}); {@link HydrationPlanner} decides it. */
public enum WaterStatus {
    /** The report did not say how much was drunk today (and no guard holds). */
    UNKNOWN,
    /** Some of today's target is left to drink. */
    LEFT,
    /** Today's target is drunk: drink to thirst, nothing more is planned. */
    REACHED,
    /**
     * Signs of overdrinking: more than the safe daily ceiling today, more than the hourly guard in the last hour, or more
     * than the target with a sign of a low blood sodium. No more water today than thirst asks.
     */
    OVERDRINKING,
    /**
     * A sign of a low blood sodium (headache, sickness, dizziness, confusion, collapse, seizure) without the numbers
     * showing overdrinking: drink to thirst only, nothing is planned today.
     */
    THIRST_ONLY
}
