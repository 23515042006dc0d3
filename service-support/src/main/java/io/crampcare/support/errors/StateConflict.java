package io.crampcare.support.errors;

/** The thing is in a state that does not allow this (a nudge already answered). */
public final class StateConflict extends DomainException {

    public StateConflict(String detail) {
        super(detail);
    }
}
