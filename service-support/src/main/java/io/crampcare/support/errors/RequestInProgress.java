package io.crampcare.support.errors;

/** The first request with this idempotency key is still being processed; the same request may be retried shortly. */
public final class RequestInProgress extends DomainException {

    public RequestInProgress(String detail) {
        super(detail);
    }
}
