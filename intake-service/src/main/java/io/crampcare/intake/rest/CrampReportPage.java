package io.crampcare.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a user's reports, newest first.
 *
 * @param items         the reports on this page
 * @param nextPageToken pass as {@code pageToken} for the next page; null on the last page
 */
@Schema(name = "CrampReportPage", requiredProperties = "items")
public record CrampReportPage(
        List<CrampReportResponse> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page.") String nextPageToken) {
}
