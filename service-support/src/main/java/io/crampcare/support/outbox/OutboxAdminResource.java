package io.crampcare.support.outbox;

import java.sql.SQLException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.support.errors.NotFound;
import io.crampcare.support.security.GatewayAdminFilter;
import io.crampcare.support.security.Roles;

/** Operator view of this service's outbox: what waits for Kafka, for how long, and what the relay parked. */
@Path("/api/v1/admin/outbox")
@Tag(name = "Operations", description = "For operators (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Refused: " + GatewayAdminFilter.THROUGH_THE_GATEWAY)
public class OutboxAdminResource {

    @Inject
    @Readiness
    OutboxMonitor monitor;
    @Inject
    ParkedEvents parked;

    /** How many parked events a retry unparked. */
    @Schema(name = "OutboxRetried", requiredProperties = "retried")
    public record Retried(@Schema(description = "Events unparked", examples = "1") int retried) {
    }

    @GET
    @Operation(operationId = "getOutboxStatus", summary = "Outbox lag and parked events", description = "Events not yet acknowledged by Kafka, the age "
            + "of the oldest, and the events parked after repeated failures of their own (with the last error); a "
            + "parked event holds back only the later events of its key.")
    @APIResponse(responseCode = "200", description = "The outbox's state")
    public OutboxStatus status() throws SQLException {
        OutboxLag lag = monitor.lag();
        return new OutboxStatus(lag.pending(), lag.oldestPendingAgeSeconds(), lag.parked(), parked.list());
    }

    @POST
    @Path("/parked/retry")
    @Operation(operationId = "retryParkedOutboxEvents", summary = "Retry every parked event", description = "Unparks them all: each gets its full number of "
            + "attempts again. Answers how many were unparked.")
    @APIResponse(responseCode = "200", description = "How many were unparked")
    public Retried retryAll() {
        return new Retried(parked.retryAll());
    }

    @POST
    @Path("/parked/{id}/retry")
    @Operation(operationId = "retryParkedOutboxEvent", summary = "Retry one parked event",
            description = "Unparks it; 404 when no parked event has this id.")
    @APIResponse(responseCode = "200", description = "Unparked (retried: 1)")
    @APIResponse(responseCode = "404", description = "No parked event has this id, or "
            + GatewayAdminFilter.THROUGH_THE_GATEWAY)
    public Retried retry(@Parameter(description = "The parked event's id") @PathParam("id") UUID id) {
        if (!parked.retry(id)) {
            throw new NotFound("No parked outbox event " + id);
        }
        return new Retried(1);
    }
}
