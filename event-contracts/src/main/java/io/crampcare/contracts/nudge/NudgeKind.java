package io.crampcare.contracts.nudge;

/** What a nudge asks the person to do. */
public enum NudgeKind {
    /** Drink a portion of the day's water target. */
    HYDRATION,
    /** Drink before a workout (about 4 h ahead, by body weight). */
    PRE_EXERCISE_HYDRATION,
    /** Warm up before a workout. */
    WARM_UP,
    /** Stretch after a workout. */
    STRETCH
}
