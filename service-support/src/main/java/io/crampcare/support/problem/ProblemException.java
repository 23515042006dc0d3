package io.crampcare.support.problem;

import java.util.List;
import java.util.Map;

/** Thrown by application code to answer with a problem response. */
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

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    /** Invalid inputs found by hand (query parameters, headers): 400 naming each. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validation(errors), Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public Problem problem() {
        return problem;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
