package io.crampcare.support.errors;

import java.time.Duration;

/** Something the request needs does not answer for now; nothing changed, and the same request may be retried. */
public final class Unavailable extends DomainException {

    private final Duration retryAfter;

    public Unavailable(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
