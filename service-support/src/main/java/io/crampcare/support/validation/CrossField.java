package io.crampcare.support.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.crampcare.support.errors.InvalidInput;

/**
 * A class-level constraint for the rules that span fields of a body or of a {@code @BeanParam} (to after from, fields
 * that go together): the class states them in {@link Rules#check}, and each broken rule is a violation on the field
 * it names, as the client sent it, reported with every other violation of the request. Fields that break their own
 * constraints are reported by those; a rule skips what is absent or unreadable.
 */
@Documented
@Constraint(validatedBy = CrossField.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CrossField {

    /** Unused: each violation carries its rule's message. */
    String message() default "breaks a rule across fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a class annotated {@link CrossField} implements. */
    interface Rules {

        /** Adds a violation per rule the fields break together, naming the field as the client sends it. */
        void check(List<InvalidInput.Violation> violations);
    }

    class Check implements ConstraintValidator<CrossField, Rules> {

        @Override
        public boolean isValid(Rules value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            List<InvalidInput.Violation> violations = new ArrayList<>();
            value.check(violations);
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (InvalidInput.Violation violation : violations) {
                context.buildConstraintViolationWithTemplate(literal(violation.message()))
                        .addPropertyNode(violation.field()).addConstraintViolation();
            }
            return false;
        }

        /** A message as a template that interpolates to exactly itself. */
        public static String literal(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
