package io.crampcare.support.security;

/**
 * The roles a token's {@code groups} claim may carry. Namespaced, so that an issuer's generic groups (an "admin" of
 * some other application, say) never grant anything here.
 */
public final class Roles {

    /** A person: reads and writes only data whose userId is the token's subject. */
    public static final String USER = "crampcare:user";
    /** An operator: reads everything, may act for any user, and uses the operator endpoints. */
    public static final String ADMIN = "crampcare:admin";
    /** A metrics scraper (Prometheus): reads {@code /q/metrics} and nothing else (configured in the HTTP permissions). */
    public static final String METRICS = "crampcare:metrics";

    private Roles() {
    }
}
