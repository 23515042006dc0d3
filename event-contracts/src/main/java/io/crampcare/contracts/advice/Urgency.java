package io.crampcare.contracts.advice;

/** How soon to act, from most to least urgent. An advice's urgency is the highest any of its rules gives. */
public enum Urgency {
    /** Seek care now. */
    EMERGENCY,
    /** Book a visit with a doctor. */
    SEE_DOCTOR,
    /** Look after it yourself. */
    SELF_CARE;

    /** The more urgent of the two. */
    public Urgency max(Urgency other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }
}
