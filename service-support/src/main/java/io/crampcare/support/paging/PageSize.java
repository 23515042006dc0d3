package io.crampcare.support.paging;

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

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.config.SmallRyeConfig;

/**
 * A {@code pageSize} query parameter kept as text: absent, or a whole number from 1 to the listing's
 * {@link PageLimits#maxSize()} (configured, so the message names it).
 */
@Documented
@Constraint(validatedBy = PageSize.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface PageSize {

    /** The listing's limits: a {@code @ConfigMapping} root. */
    Class<? extends PageLimits> limits() default PagingConfig.class;

    /** Unused: the message names the configured maximum. */
    String message() default "must be a whole number from 1 to the maximum page size";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PageSize, String> {

        private Class<? extends PageLimits> limits;

        @Override
        public void initialize(PageSize annotation) {
            limits = annotation.limits(); // read when validating: Quarkus initializes validators before runtime config
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            int max = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(limits).maxSize();
            int size;
            try {
                size = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size >= 1 && size <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be a whole number from 1 to " + max)
                    .addConstraintViolation();
            return false;
        }
    }
}
