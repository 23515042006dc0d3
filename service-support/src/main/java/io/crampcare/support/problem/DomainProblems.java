package io.crampcare.support.problem;

import java.util.List;
import java.util.Map;

import io.crampcare.support.errors.DomainException;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.errors.KeyReused;
import io.crampcare.support.errors.NotFound;
import io.crampcare.support.errors.NotPermitted;
import io.crampcare.support.errors.RequestInProgress;
import io.crampcare.support.errors.StaleVersion;
import io.crampcare.support.errors.StateConflict;
import io.crampcare.support.errors.Unavailable;
import io.crampcare.support.errors.VersionRequired;

/** What each domain failure a service reports means over HTTP: its status, problem type, title and headers. */
final class DomainProblems {

    private DomainProblems() {
    }

    /** The answer for {@code e}, or null for a kind that has none here yet (our bug: a 500). */
    static ProblemException of(DomainException e) {
        if (e instanceof InvalidInput invalid) {
            List<Problem.FieldError> errors = invalid.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
            return new ProblemException(Problem.validation(errors), Map.of());
        }
        if (e instanceof NotPermitted) {
            return answer(ProblemTypes.FORBIDDEN, "Forbidden", 403, e);
        }
        if (e instanceof NotFound) {
            return answer(ProblemTypes.NOT_FOUND, "Not found", 404, e);
        }
        if (e instanceof StateConflict) {
            return answer(ProblemTypes.HTTP, "Conflict", 409, e);
        }
        if (e instanceof RequestInProgress) {
            return answer(ProblemTypes.REQUEST_IN_PROGRESS, "Request in progress", 409, e, "Retry-After", "1");
        }
        if (e instanceof KeyReused) {
            return answer(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused", 422, e);
        }
        if (e instanceof StaleVersion stale) {
            return answer(ProblemTypes.HTTP, "Precondition Failed", 412, e, "ETag", stale.currentTag());
        }
        if (e instanceof VersionRequired) {
            return answer(ProblemTypes.HTTP, "Precondition Required", 428, e);
        }
        if (e instanceof Unavailable unavailable) {
            return answer(ProblemTypes.UNAVAILABLE, "Service unavailable", 503, e, "Retry-After",
                    Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
        }
        return null;
    }

    private static ProblemException answer(String type, String title, int status, DomainException e) {
        return new ProblemException(new Problem(type, title, status, e.detail(), null), Map.of());
    }

    private static ProblemException answer(String type, String title, int status, DomainException e, String header,
            String value) {
        return new ProblemException(new Problem(type, title, status, e.detail(), null), Map.of(header, value));
    }
}
