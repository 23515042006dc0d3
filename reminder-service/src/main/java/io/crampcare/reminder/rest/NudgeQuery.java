package io.crampcare.reminder.rest;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.support.validation.Instants;
import io.crampcare.support.validation.IsoInstant;
import io.crampcare.support.validation.OneOf;

/** Which of a user's nudges to list (query parameters; paging is PageParams). */
public class NudgeQuery {

    @Parameter(description = "Earliest due time, inclusive (ISO-8601)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    @IsoInstant
    String from;

    @Parameter(description = "Latest due time, exclusive (ISO-8601)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    @IsoInstant
    String to;

    @Parameter(description = "Only this status", schema = @Schema(implementation = NudgeStatus.class))
    @QueryParam("status")
    @OneOf(NudgeStatus.class)
    String status;

    Instant from() {
        return Instants.parseOrNull(from);
    }

    Instant to() {
        return Instants.parseOrNull(to);
    }

    NudgeStatus status() {
        return status == null || status.isEmpty() ? null : NudgeStatus.valueOf(status);
    }
}
