package io.crampcare.support.errors;

import java.util.List;

/** Input a service finds wrong once it is read (a field's value against the state it meets), naming each field. */
public final class InvalidInput extends DomainException {

    /** One invalid field, named as the client sent it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(firstOf(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** The message names the first field; checked here, before anything is built from an empty list. */
    private static String firstOf(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return violations.get(0).field() + ": " + violations.get(0).message();
    }

    public List<Violation> violations() {
        return violations;
    }
}
