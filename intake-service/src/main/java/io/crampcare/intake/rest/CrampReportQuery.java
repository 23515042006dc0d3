package io.crampcare.intake.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.support.validation.Required;

/** Whose cramp reports to list (a query parameter; the time window is TimeWindow, paging is PageParams). */
public class CrampReportQuery {

    @Parameter(description = "Whose reports", required = true, schema = @Schema(type = SchemaType.STRING,
            examples = "user-42"))
    @QueryParam("userId")
    @Required
    String userId;

    String userId() {
        return userId;
    }
}
