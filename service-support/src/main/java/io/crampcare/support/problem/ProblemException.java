package io.crampcare.support.problem;

import java.util.Map;

/**
 * Thrown by the HTTP layer (resources, filters) to answer with a problem it decides itself: an HTTP-level error
 * such as 413 or 415, or an answer with its own headers. Services throw {@code support.errors} exceptions instead.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(new Problem(type, title, status, detail, null), Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
