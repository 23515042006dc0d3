package io.crampcare.support.paging;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;
import io.crampcare.support.validation.Instants;
import io.crampcare.support.validation.IsoInstant;

/**
 * The {@code from} and {@code to} query parameters of a listing by time, as a {@code @Valid @BeanParam}: the items with
 * the listing's time (each operation says which) in [from, to). Kept as the client's text, so that a bad one is a
 * violation naming it, reported with every other; {@code to} must be after {@code from}.
 */
@CrossField
public class TimeWindow implements CrossField.Rules {

    @Parameter(description = "Only items at or after this instant (ISO-8601), by the time the operation names",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    @IsoInstant
    String from;

    @Parameter(description = "Only items before this instant (ISO-8601), by the time the operation names; after from",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    @IsoInstant
    String to;

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        if (from() != null && to() != null && !from().isBefore(to())) {
            violations.add(new InvalidInput.Violation("to", "must be after from"));
        }
    }

    /** The window's start, or null for none (the parameters are valid by now). */
    public Instant from() {
        return Instants.parseOrNull(from);
    }

    /** The window's end (exclusive), or null for none. */
    public Instant to() {
        return Instants.parseOrNull(to);
    }
}
