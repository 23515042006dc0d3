package io.crampcare.contracts.report;

/** What the person was doing when the cramp came. */
public enum CrampContext {
    DURING_EXERCISE,
    AFTER_EXERCISE,
    AT_REST,
    DURING_SLEEP;

    /** Whether the cramp is tied to a workout, so the report should say which one. */
    public boolean exerciseRelated() {
        return this == DURING_EXERCISE || this == AFTER_EXERCISE;
    }
}
