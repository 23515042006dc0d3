package io.crampcare.contracts.report;

/** The exercise around the cramp. Squats, lunges and similar loads work the glutes hardest. */
public enum ActivityType {
    SQUATS,
    LUNGES,
    DEADLIFTS,
    HIP_THRUSTS,
    STEP_UPS,
    RUNNING,
    WALKING,
    HIKING,
    CYCLING,
    SWIMMING,
    TEAM_SPORT,
    OTHER;

    /** Glute-dominant strength work: after it, an intense session suggests easing the load. */
    public boolean gluteFocused() {
        return this == SQUATS || this == LUNGES || this == DEADLIFTS || this == HIP_THRUSTS || this == STEP_UPS;
    }
}
