package io.crampcare.support.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.crampcare.support.problem.Problem;

/** Reading query parameters so that every bad one is reported together (see {@code ProblemException#invalid}). */
public final class QueryParams {

    private QueryParams() {
    }

    /** An ISO-8601 instant, or null when absent; adds an error and returns null when unparsable. */
    public static Instant instant(String name, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (Instants.inRange(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant between " + Instants.MIN + " and "
                + Instants.MAX + ", e.g. 2026-11-25T07:30:00Z"));
        return null;
    }
}
