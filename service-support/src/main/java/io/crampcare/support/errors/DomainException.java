package io.crampcare.support.errors;

/**
 * A request a service cannot carry out, said in the domain's terms. Services throw these and know nothing of HTTP;
 * {@code ProblemMappers} decides each one's status and problem type, in one place.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        // An answer to a client, not a fault: no stack trace to fill or log.
        super(detail, null, false, false);
    }

    /** What the client is told. */
    public String detail() {
        return getMessage();
    }
}
