package io.crampcare.support.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A query parameter kept as text that, when present, names a constant of an enum ({@code must be one of [A, B]}
 * otherwise). Read it with {@link #parse}.
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface OneOf {

    /** The enum whose constant names are accepted. */
    Class<? extends Enum<?>> value();

    /** Unused: the message lists the enum's constants. */
    String message() default "must be one of the listed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneOf, String> {

        private Enum<?>[] constants;

        @Override
        public void initialize(OneOf annotation) {
            constants = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty() || Arrays.stream(constants).anyMatch(c -> c.name().equals(value))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(CrossField.Check.literal("must be one of " + Arrays.toString(constants)))
                    .addConstraintViolation();
            return false;
        }
    }
}
