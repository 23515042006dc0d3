package io.crampcare.support.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every consumer here reads an event payload: leniently, as the event catalogue's versioning rules ask. Within a
 * {@code .v1} type a newer producer may add properties (ignored here) and enum constants (enums are open: a constant
 * this build does not know is read as {@code null}, also inside a collection). What unknown means is then the
 * consumer's decision: a required enum that comes out {@code null} makes the event poison (replayable once the
 * consumer knows the constant), an optional one reads as not answered.
 */
public final class EventJson {

    private EventJson() {
    }

    /** A copy of the application's mapper (its modules, instants as ISO-8601) that reads events leniently. */
    public static ObjectMapper reader(ObjectMapper application) {
        return application.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }
}
