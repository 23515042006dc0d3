package io.crampcare.support.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A query parameter kept as the text the client sent (so that a bad one is a violation naming it, not a conversion
 * failure): absent, or an ISO-8601 instant within {@link Instants}. Read it with {@link Instants#parseOrNull}.
 */
@Documented
@Constraint(validatedBy = IsoInstant.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface IsoInstant {

    String message() default "must be an ISO-8601 instant between " + Instants.MIN_TEXT + " and " + Instants.MAX_TEXT
            + ", e.g. 2026-11-25T07:30:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IsoInstant, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || Instants.parseOrNull(value) != null;
        }
    }
}
