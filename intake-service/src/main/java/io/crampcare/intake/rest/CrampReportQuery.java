package io.crampcare.intake.rest;

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
import io.crampcare.support.validation.Required;

/** Whose cramp reports to list, and from when to when (query parameters; paging is PageParams). */
@CrossField
public class CrampReportQuery implements CrossField.Rules {

    @Parameter(description = "Whose reports", required = true, schema = @Schema(type = SchemaType.STRING,
            examples = "user-42"))
    @QueryParam("userId")
    @Required
    String userId;

    @Parameter(description = "Earliest occurredAt, inclusive (ISO-8601)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    @IsoInstant
    String from;

    @Parameter(description = "Latest occurredAt, exclusive (ISO-8601)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    @IsoInstant
    String to;

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        if (from() != null && to() != null && !from().isBefore(to())) {
            violations.add(new InvalidInput.Violation("to", "must be after from"));
        }
    }

    String userId() {
        return userId;
    }

    Instant from() {
        return Instants.parseOrNull(from);
    }

    Instant to() {
        return Instants.parseOrNull(to);
    }
}
