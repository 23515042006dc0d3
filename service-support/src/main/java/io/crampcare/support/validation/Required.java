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
 * A query parameter that must be given, with something other than white space. Not {@code @NotBlank}: the OpenAPI
 * document would state that one as the pattern {@code \S}, which the document conventions anchor into "one
 * character"; the parameter's {@code @Parameter(required = true)} documents this one.
 */
@Documented
@Constraint(validatedBy = Required.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface Required {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Required, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && !value.isBlank();
        }
    }
}
