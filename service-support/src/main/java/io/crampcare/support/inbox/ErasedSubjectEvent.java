package io.crampcare.support.inbox;

/**
 * A record about a person whose key is shredded: they are erased, the record opens no more and changes nothing. It is
 * acknowledged and counted, not dead-lettered: it is not poison, and a dead letter would be one more copy.
 */
public final class ErasedSubjectEvent extends RuntimeException {

    public ErasedSubjectEvent(String eventId) {
        super("Event " + eventId + " is about an erased person", null, false, false);
    }
}
