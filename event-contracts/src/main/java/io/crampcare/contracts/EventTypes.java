package io.crampcare.contracts;

import java.util.List;

/** CloudEvents {@code type} values. A type's payload changes only additively; a breaking change is a new {@code .vN}. */
public final class EventTypes {

    public static final String CRAMP_REPORT_SUBMITTED = "io.crampcare.cramp-report.submitted.v1";
    public static final String ADVICE_ISSUED = "io.crampcare.advice.issued.v1";
    public static final String NUDGE_DUE = "io.crampcare.nudge.due.v1";
    public static final String NUDGE_ACKNOWLEDGED = "io.crampcare.nudge.acknowledged.v1";
    public static final String DRINK_LOGGED = "io.crampcare.drink.logged.v1";
    public static final String DRINK_DELETED = "io.crampcare.drink.deleted.v1";
    public static final String SUBJECT_ERASED = "io.crampcare.subject.erased.v1";

    /**
     * Every type above, in the order of {@link EventDescriptor#ALL} (each type's descriptor); each has its payload
     * schema, see {@link ContractSchemas#resource(String)}.
     */
    public static final List<String> ALL = EventDescriptor.ALL.stream().map(EventDescriptor::type).toList();

    private EventTypes() {
    }
}
