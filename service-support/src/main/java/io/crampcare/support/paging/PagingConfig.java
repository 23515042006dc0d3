package io.crampcare.support.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of every user-facing listing ({@code pageSize} query parameter), the same in all services. */
@ConfigMapping(prefix = "crampcare.paging")
public interface PagingConfig extends PageLimits {

    /** The page size documented in the OpenAPI documents; keep them in step when changing it. */
    int DEFAULT_SIZE = 20;
    int MAX_SIZE = 100;

    @Override
    @WithDefault("" + DEFAULT_SIZE)
    int defaultSize();

    @Override
    @WithDefault("" + MAX_SIZE)
    int maxSize();
}
