package io.crampcare.support.outbox;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.support.security.Roles;

/** Operator view of this service's outbox: how many events wait for Kafka, and for how long. */
@Path("/api/v1/admin/outbox")
@Tag(name = "Operations", description = "For operators (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final OutboxMonitor monitor;

    OutboxAdminResource(@Readiness OutboxMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @Operation(summary = "Outbox lag", description = "Events not yet acknowledged by Kafka and the age of the oldest.")
    public OutboxLag lag() throws SQLException {
        return monitor.lag();
    }
}
