package io.crampcare.advice.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.contracts.advice.AdviceIssuedV1;

/**
 * One page of a user's advice, newest first.
 *
 * @param items         the advice on this page (the same shape as the advice.issued.v1 event)
 * @param nextPageToken pass as {@code pageToken} for the next page; null on the last page
 */
@Schema(name = "AdvicePage", requiredProperties = "items")
public record AdvicePage(List<AdviceIssuedV1> items,
        @Schema(description = "Opaque cursor for the next page; absent on the last page.") String nextPageToken) {
}
