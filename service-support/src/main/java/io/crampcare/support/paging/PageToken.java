package io.crampcare.support.paging;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.function.Predicate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A {@code pageToken} query parameter: absent, or a token this API issued (in the listing's cursor format). */
@Documented
@Constraint(validatedBy = PageToken.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface PageToken {

    /** Which tokens the listing issues (a class with a public no-argument constructor). */
    Class<? extends Predicate<String>> issuedBy() default PageCursor.Issued.class;

    String message() default "is not a token this API issued; start again without it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PageToken, String> {

        private Predicate<String> issued;

        @Override
        public void initialize(PageToken annotation) {
            try {
                issued = annotation.issuedBy().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A page token format needs a public no-argument constructor", e);
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || issued.test(value);
        }
    }
}
