package io.crampcare.support.audit;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One access to a user's data by someone other than that user.
 *
 * @param id            the entry's id
 * @param at            when (the database's clock)
 * @param actor         who: the token's subject (sub)
 * @param actorRole     the role that let them (crampcare:admin)
 * @param subjectUserId whose data; null when a record id named nobody (an attempt at a record that does not exist)
 * @param operation     what: HTTP method and the resource's path template, or a tool's name
 * @param reason        why, as the CrampCare-Access-Reason header gave it
 * @param service       the service that served it
 */
@Schema(name = "AuditEntry", requiredProperties = { "id", "at", "actor", "actorRole", "operation", "reason", "service" })
public record AuditEntry(UUID id, Instant at, String actor, String actorRole,
        @Schema(description = "Whose data; absent when the record asked for does not exist") String subjectUserId,
        @Schema(examples = "GET /api/v1/cramp-reports/{id}") String operation,
        @Schema(examples = "support ticket 4711") String reason,
        @Schema(examples = "intake-service") String service) {
}
