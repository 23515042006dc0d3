package io.crampcare.support.inbox;

/**
 * What became of a consumed record: applied, a duplicate, about an erased person (recorded as processed, changing
 * nothing), or to be dead-lettered for {@code failure}. {@code counted} is its {@code outcome} in
 * {@code crampcare.events.consumed}.
 */
record RecordOutcome(String counted, RuntimeException failure) {

    static final RecordOutcome APPLIED = new RecordOutcome("applied", null);
    static final RecordOutcome DUPLICATE = new RecordOutcome("duplicate", null);
    static final RecordOutcome ERASED_SUBJECT = new RecordOutcome("erased-subject", null);

    static RecordOutcome failed(RuntimeException failure) {
        return new RecordOutcome(null, failure);
    }
}
