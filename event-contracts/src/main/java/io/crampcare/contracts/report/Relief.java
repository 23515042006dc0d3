package io.crampcare.contracts.report;

/** What eased the cramp, if anything. */
public enum Relief {
    SHIFTING_POSITION,
    STRETCHING,
    MASSAGE,
    NOTHING
}
