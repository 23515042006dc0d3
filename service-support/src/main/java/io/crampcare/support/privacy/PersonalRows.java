package io.crampcare.support.privacy;

/**
 * What a service (or service-support, for its shared tables) holds about a person, as an erasure removes it. Every
 * bean of this type takes part in each erasure of the service it runs in, inside the transaction that marks the
 * service's part erased, so a crash leaves either all of it or none.
 */
public interface PersonalRows {

    /** Deletes (or makes anonymous) every row about {@code userId}; returns how many rows changed. */
    int erase(String userId);
}
