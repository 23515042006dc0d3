package io.crampcare.support.problem;

/** The problem {@code type} URIs every CrampCare service uses; each names one way a request can go wrong. */
public final class ProblemTypes {

    private static final String BASE = "https://crampcare.io/problems/";

    /** One or more fields are invalid; {@code errors} lists them. */
    public static final String VALIDATION = BASE + "validation";
    /** The body is not JSON, or not the JSON this endpoint takes. */
    public static final String MALFORMED_REQUEST = BASE + "malformed-request";
    /** No valid bearer token: missing, malformed, badly signed, expired, or for another issuer or audience. */
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    /** The token is valid but does not allow this (another user's data, or an operator endpoint). */
    public static final String FORBIDDEN = BASE + "forbidden";
    /** No such resource. */
    public static final String NOT_FOUND = BASE + "not-found";
    /** An Idempotency-Key was reused with a different request body. */
    public static final String IDEMPOTENCY_KEY_REUSED = BASE + "idempotency-key-reused";
    /** The first request with this Idempotency-Key is still being processed. */
    public static final String REQUEST_IN_PROGRESS = BASE + "request-in-progress";
    /** Any other HTTP-level error (method not allowed, unsupported media type, ...); see the status. */
    public static final String HTTP = BASE + "http";
    /** A dependency (the database) is unavailable for the moment; nothing was stored; retry after Retry-After. */
    public static final String UNAVAILABLE = BASE + "unavailable";
    /** Our fault; the detail carries an id to quote. */
    public static final String INTERNAL = BASE + "internal";

    private ProblemTypes() {
    }
}
