package io.crampcare.support.validation;

import java.time.Instant;

/** The instants CrampCare stores: PostgreSQL's timestamptz holds far more, but nothing real lies outside these. */
public final class Instants {

    /** Earliest accepted instant, as text (for constraint messages, which must be constants). */
    public static final String MIN_TEXT = "1900-01-01T00:00:00Z";
    /** Latest accepted instant (exclusive), as text. */
    public static final String MAX_TEXT = "2200-01-01T00:00:00Z";
    /** Earliest accepted instant. */
    public static final Instant MIN = Instant.parse(MIN_TEXT);
    /** Latest accepted instant (exclusive). */
    public static final Instant MAX = Instant.parse(MAX_TEXT);

    private Instants() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && instant.isBefore(MAX);
    }

    /** The instant an ISO-8601 text stands for when it is one in range; null when absent, unparsable or out of range. */
    public static Instant parseOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            return inRange(instant) ? instant : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
