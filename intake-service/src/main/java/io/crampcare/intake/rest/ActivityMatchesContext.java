package io.crampcare.intake.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A report about a cramp during or after exercise must say which exercise: the advice depends on it. */
@Documented
@Constraint(validatedBy = ActivityMatchesContext.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ActivityMatchesContext {

    String message() default "is required when context is DURING_EXERCISE or AFTER_EXERCISE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ActivityMatchesContext, CrampReportRequest> {
        @Override
        public boolean isValid(CrampReportRequest report, ConstraintValidatorContext context) {
            if (report.context() == null || !report.context().exerciseRelated() || report.activity() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("activity")
                    .addConstraintViolation();
            return false;
        }
    }
}
