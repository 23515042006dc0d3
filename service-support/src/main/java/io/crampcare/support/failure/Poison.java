package io.crampcare.support.failure;

/**
 * Marks an exception that says its input can never be processed (a record that is not a valid event of the expected
 * type): {@link FailureClass#of} calls it {@link FailureClass#POISON} wherever it stands in a cause chain.
 */
public interface Poison {
}
