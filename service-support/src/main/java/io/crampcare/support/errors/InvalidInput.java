package io.crampcare.support.errors;

import java.util.List;

/** Input a service finds wrong once it is read (a field's value against the state it meets), naming each field. */
public final class InvalidInput extends DomainException {

    /** One invalid field, named as the client sent it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
