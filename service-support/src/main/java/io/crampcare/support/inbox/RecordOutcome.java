package io.crampcare.support.inbox;

/** What became of a consumed record: applied, a duplicate, or to be dead-lettered for {@code failure}. */
record RecordOutcome(boolean applied, RuntimeException failure) {

    static final RecordOutcome APPLIED = new RecordOutcome(true, null);
    static final RecordOutcome DUPLICATE = new RecordOutcome(false, null);

    static RecordOutcome failed(RuntimeException failure) {
        return new RecordOutcome(false, failure);
    }
}
