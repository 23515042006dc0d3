package io.crampcare.support.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of every user-facing listing ({@code pageSize} query parameter), the same in all services. */
@ConfigMapping(prefix = "crampcare.paging")
public interface PagingConfig {

    /** The page size documented in the OpenAPI documents; keep them in step when changing it. */
    int DEFAULT_SIZE = 20;
    int MAX_SIZE = 100;

    /** Page size when the client gives none. */
    @WithDefault("" + DEFAULT_SIZE)
    int defaultSize();

    /** Largest page size a client may ask for. */
    @WithDefault("" + MAX_SIZE)
    int maxSize();
}
