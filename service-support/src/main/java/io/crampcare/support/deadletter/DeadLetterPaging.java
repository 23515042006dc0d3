package io.crampcare.support.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.crampcare.support.paging.PageLimits;

/** Page sizes of the dead-letter listing ({@code crampcare.dead-letters.paging.*}). */
@ConfigMapping(prefix = "crampcare.dead-letters.paging")
public interface DeadLetterPaging extends PageLimits {

    @Override
    @WithDefault("50")
    int defaultSize();

    @Override
    @WithDefault("500")
    int maxSize();
}
