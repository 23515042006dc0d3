package io.crampcare.support.errors;

/** An idempotency key came again with a different request. */
public final class KeyReused extends DomainException {

    public KeyReused(String detail) {
        super(detail);
    }
}
