package io.crampcare.support.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.crampcare.support.errors.InvalidInput;

/** The shared query-parameter constraints, and cross-field rules naming their fields, as Hibernate Validator runs them. */
class ValidationConstraintsTest {

    enum Colour {
        RED, GREEN
    }

    @CrossField
    static final class Query implements CrossField.Rules {
        @Required
        String userId = "user-1";
        @IsoInstant
        String from;
        @IsoInstant
        String to;
        @OneOf(Colour.class)
        String colour;

        @Override
        public void check(List<InvalidInput.Violation> violations) {
            if (Instants.parseOrNull(from) != null && Instants.parseOrNull(to) != null
                    && !Instants.parseOrNull(from).isBefore(Instants.parseOrNull(to))) {
                violations.add(new InvalidInput.Violation("to", "must be after from {not a parameter} $x"));
            }
        }
    }

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void absentOptionalParametersAreValid() {
        assertEquals(Set.of(), errors(new Query()));
        Query empty = new Query();
        empty.from = "";
        empty.colour = "";
        assertEquals(Set.of(), errors(empty));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        Query query = new Query();
        query.userId = " ";
        query.from = "yesterday";
        query.to = "1800-01-01T00:00:00Z";
        query.colour = "BLUE";
        assertEquals(Set.of("userId: is required",
                "from: must be an ISO-8601 instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z, e.g. 2026-11-25T07:30:00Z",
                "to: must be an ISO-8601 instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z, e.g. 2026-11-25T07:30:00Z",
                "colour: must be one of [RED, GREEN]"), errors(query));
    }

    @Test
    void aCrossFieldRuleNamesItsFieldWithItsMessageVerbatim() {
        Query query = new Query();
        query.from = "2026-11-25T08:00:00Z";
        query.to = "2026-11-25T07:00:00Z";
        assertEquals(Set.of("to: must be after from {not a parameter} $x"), errors(query));
        query.to = "not an instant";
        assertEquals(1, errors(query).size(), "an unreadable field is reported by its own constraint only");
    }

    private static Set<String> errors(Object bean) {
        Set<String> errors = new TreeSet<>();
        for (ConstraintViolation<Object> violation : VALIDATOR.validate(bean)) {
            errors.add(violation.getPropertyPath() + ": " + violation.getMessage());
        }
        return errors;
    }
}
