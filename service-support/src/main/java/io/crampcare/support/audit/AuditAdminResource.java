package io.crampcare.support.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.support.paging.PageParams;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PagingConfig;
import io.crampcare.support.paging.TimeWindow;
import io.crampcare.support.security.GatewayAdminFilter;
import io.crampcare.support.security.Roles;

/** For auditors: who read or changed which user's data in this service, when and why. */
@Path("/api/v1/admin/audit")
@Tag(name = "Operations", description = "For operators (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Refused: " + GatewayAdminFilter.THROUGH_THE_GATEWAY)
public class AuditAdminResource {

    @Inject
    AuditEntries entries;
    @Inject
    PagingConfig paging;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "The audit of access, newest first",
            description = "Every read or change of a user's data by someone other than that user (an admin acting "
                    + "for them, the dead-letter tools): who, whose data, which operation, when and why. from and to "
                    + "select by the entry's time. Cursor pagination: pass nextPageToken as pageToken.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    public AuditPage list(
            @Parameter(description = "Only entries about this user", schema = @Schema(type = SchemaType.STRING,
                    examples = "user-42")) @QueryParam("userId") String userId,
            @Valid @BeanParam TimeWindow window, @Valid @BeanParam PageParams page) {
        PageRequest.Slice<AuditEntry> slice = entries.page(userId == null || userId.isEmpty() ? null : userId,
                window.from(), window.to(), page.request(paging));
        return new AuditPage(slice.items(), slice.nextPageToken());
    }
}
