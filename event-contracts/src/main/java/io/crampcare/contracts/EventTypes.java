package io.crampcare.contracts;

/** CloudEvents {@code type} values. A type's payload changes only additively; a breaking change is a new {@code .vN}. */
public final class EventTypes {

    public static final String CRAMP_REPORT_SUBMITTED = "io.crampcare.cramp-report.submitted.v1";
    public static final String ADVICE_ISSUED = "io.crampcare.advice.issued.v1";
    public static final String NUDGE_DUE = "io.crampcare.nudge.due.v1";
    public static final String NUDGE_ACKNOWLEDGED = "io.crampcare.nudge.acknowledged.v1";

    private EventTypes() {
    }
}
