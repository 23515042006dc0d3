package io.crampcare.contracts.report;

/** Which side of the body. */
public enum Side {
    LEFT,
    RIGHT,
    BOTH
}
