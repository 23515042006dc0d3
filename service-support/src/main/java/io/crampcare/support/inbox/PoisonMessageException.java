package io.crampcare.support.inbox;

import io.crampcare.support.failure.Poison;

/** A record that can never be processed (not a valid event of the expected type): retrying is pointless. */
public class PoisonMessageException extends RuntimeException implements Poison {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
