package io.crampcare.support.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of audit entries, newest first.
 *
 * @param items         the entries on this page
 * @param nextPageToken pass as {@code pageToken} for the next page; null on the last page
 */
@Schema(name = "AuditPage", requiredProperties = "items")
public record AuditPage(
        List<AuditEntry> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page.") String nextPageToken) {
}
