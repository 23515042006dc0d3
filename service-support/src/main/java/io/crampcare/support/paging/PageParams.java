package io.crampcare.support.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code pageSize} and {@code pageToken} query parameters of a user-facing listing, as a {@code @Valid @BeanParam}:
 * kept as the client's text so that a bad one is a violation naming it, reported with every other; read with
 * {@link #request}. Declared once in each API document (components/parameters).
 */
public class PageParams {

    @Parameter(ref = PageRequest.PAGE_SIZE, name = PageRequest.PAGE_SIZE, in = ParameterIn.QUERY)
    @QueryParam(PageRequest.PAGE_SIZE)
    @PageSize
    String pageSize;

    @Parameter(ref = PageRequest.PAGE_TOKEN, name = PageRequest.PAGE_TOKEN, in = ParameterIn.QUERY)
    @QueryParam(PageRequest.PAGE_TOKEN)
    @PageToken
    String pageToken;

    /** The page asked for (the parameters are valid by now). */
    public PageRequest request(PageLimits limits) {
        return new PageRequest(PageRequest.size(pageSize, limits),
                pageToken == null || pageToken.isEmpty() ? null : PageCursor.decode(pageToken).orElseThrow());
    }
}
