package io.crampcare.support.rest;

import java.time.Instant;

/** The instants CrampCare stores: PostgreSQL's timestamptz holds far more, but nothing real lies outside these. */
public final class Instants {

    /** Earliest accepted instant. */
    public static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
    /** Latest accepted instant. */
    public static final Instant MAX = Instant.parse("2200-01-01T00:00:00Z");

    private Instants() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && instant.isBefore(MAX);
    }
}
