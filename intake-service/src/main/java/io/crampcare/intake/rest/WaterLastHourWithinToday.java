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

/** The water of the last hour is part of today's: a report with more in the hour than in the day is a mistake. */
@Documented
@Constraint(validatedBy = WaterLastHourWithinToday.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WaterLastHourWithinToday {

    String message() default "must not be more than waterTodayMl";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WaterLastHourWithinToday, CrampReportRequest> {
        @Override
        public boolean isValid(CrampReportRequest report, ConstraintValidatorContext context) {
            if (report.waterLastHourMl() == null || report.waterTodayMl() == null
                    || report.waterLastHourMl() <= report.waterTodayMl()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("waterLastHourMl")
                    .addConstraintViolation();
            return false;
        }
    }
}
