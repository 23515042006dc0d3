package io.crampcare.support.errors;

/** No such thing, or none the caller may see. */
public final class NotFound extends DomainException {

    public NotFound(String detail) {
        super(detail);
    }
}
