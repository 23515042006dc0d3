package io.crampcare.contracts.report;

/** Perceived effort of the activity. */
public enum Intensity {
    LIGHT,
    MODERATE,
    HARD
}
