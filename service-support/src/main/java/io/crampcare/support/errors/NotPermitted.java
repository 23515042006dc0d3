package io.crampcare.support.errors;

/** The caller is known but may not do this (act for another user, or act with a token that names nobody). */
public final class NotPermitted extends DomainException {

    public NotPermitted(String detail) {
        super(detail);
    }
}
