package io.crampcare.support.errors;

/** A change to something that exists must name the version it changes. */
public final class VersionRequired extends DomainException {

    public VersionRequired(String detail) {
        super(detail);
    }
}
