package io.crampcare.advice.events;

/** Incoming channel names; their topics, groups and dead-letter settings are in application.properties. */
public final class Channels {

    /** Reads topic cramp-reports. */
    public static final String CRAMP_REPORTS = "cramp-reports";
    /** Reads topic nudge-acks. */
    public static final String NUDGE_ACKS = "nudge-acks";

    private Channels() {
    }
}
