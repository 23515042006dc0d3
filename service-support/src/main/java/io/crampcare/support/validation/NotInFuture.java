package io.crampcare.support.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The instant a client says something happened is not later than now plus the allowed clock skew
 * ({@link ValidationConfig#clockSkew()}), nor absurdly early.
 */
@Documented
@Constraint(validatedBy = NotInFuture.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface NotInFuture {

    String message() default "must not be in the future (nor before 1900)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotInFuture, Instant> {
        // Looked up when validating: validators are created at static init, before config mappings exist.
        @Inject
        Instance<ValidationConfig> config;

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null
                    || (!value.isAfter(Instant.now().plus(config.get().clockSkew())) && !value.isBefore(Instants.MIN));
        }
    }
}
