package io.crampcare.support.errors;

/** The caller's condition on the version does not hold (it changed since they read it, or exists already). */
public final class StaleVersion extends DomainException {

    private final String currentTag;

    /** @param currentTag the entity tag of the version that stands, so the client can read and try again */
    public StaleVersion(String detail, String currentTag) {
        super(detail);
        this.currentTag = currentTag;
    }

    public String currentTag() {
        return currentTag;
    }
}
