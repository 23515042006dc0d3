package io.crampcare.reminder.model;

/** Where a nudge is in its life: planned, fired, answered, or expired because it could not fire in time. */
public enum NudgeStatus {
    PLANNED,
    FIRED,
    DONE,
    SKIPPED,
    EXPIRED
}
