package io.crampcare.reminder.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.support.validation.OneOf;

/** Which of a user's nudges to list (a query parameter; the time window is TimeWindow, paging is PageParams). */
public class NudgeQuery {

    @Parameter(description = "Only this status", schema = @Schema(implementation = NudgeStatus.class))
    @QueryParam("status")
    @OneOf(NudgeStatus.class)
    String status;

    NudgeStatus status() {
        return status == null || status.isEmpty() ? null : NudgeStatus.valueOf(status);
    }
}
