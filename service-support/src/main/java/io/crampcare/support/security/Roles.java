package io.crampcare.support.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** A person: reads and writes only data whose userId is the token's subject. */
    public static final String USER = "user";
    /** An operator: reads everything, may act for any user, and uses the operator endpoints. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
