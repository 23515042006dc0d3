package io.crampcare.contracts.nudge;

/** What the person answered to a nudge. */
public enum AckOutcome {
    DONE,
    SKIPPED,
    SNOOZED
}
